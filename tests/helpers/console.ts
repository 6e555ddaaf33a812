import { format } from "node:util";
import { vi } from "vitest";

// What a command run in-process prints, split as a terminal would see it: log to stdout, warn
// and error to stderr. Undo with vi.restoreAllMocks().
export function captureConsole(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(`${format(...args)}\n`));
  for (const method of ["warn", "error"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void err.push(`${format(...args)}\n`));
  }
  return { stdout: () => out.join(""), stderr: () => err.join("") };
}
