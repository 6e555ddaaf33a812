import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/received/", import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURE_DIR}${name}`, "utf8");
}

export function listFixtures(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".eml"))
    .sort();
}

/** A header block with one Received field, for format tests. */
export function oneHop(value: string): string {
  return `Received: ${value}\nSubject: test\n`;
}
