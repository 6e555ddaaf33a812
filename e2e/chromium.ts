import { existsSync } from "node:fs";

// Playwright's own browser downloads are unreachable here; Debian's chromium is used instead,
// with the flags that keep it from reaching for the network on its own.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
