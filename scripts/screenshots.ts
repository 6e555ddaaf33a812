// Screenshots of the main pages at a phone and a desk size, in both languages, for looking at
// what a change did: npm run screenshots -- [base URL] [path …]   (files in .tmp/screenshots)
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../e2e/chromium";

const SIZES = { phone: { width: 390, height: 844 }, desk: { width: 1366, height: 900 } } as const;
const DEFAULT_PATHS = [
  "/",
  "/providers",
  "/providers?q=taro%40nifty.com",
  "/providers/gmail",
  "/providers/xserver",
  "/clients",
];

const [base = "http://127.0.0.1:3000", ...rest] = process.argv.slice(2);
const paths = rest.length > 0 ? rest : DEFAULT_PATHS;
const out = path.resolve(".tmp", "screenshots");
await mkdir(out, { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
for (const [sizeName, viewport] of Object.entries(SIZES)) {
  const page = await browser.newPage({ viewport });
  for (const locale of ["ja", "en"]) {
    for (const p of paths) {
      const url = `${base}/${locale}${p === "/" ? "" : p}`;
      await page.goto(url, { waitUntil: "networkidle" });
      const name = `${locale}-${sizeName}-${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      console.log(name);
    }
  }
  await page.close();
}
await browser.close();
