import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

// True when the module is the script Node was started with (tsx prisma/seed.ts), false when a
// test imports it to call its main() in-process.
export function isEntryPoint(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === fileURLToPath(moduleUrl);
  } catch {
    return false;
  }
}
