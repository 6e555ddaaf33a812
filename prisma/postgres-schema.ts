// prisma/schema.prisma is the one model source; prisma/postgres/schema.prisma is written from it
// with only the datasource provider and the client's output folder changed, so the two
// databases cannot drift apart model by model (decision 0010).
//
//   tsx prisma/postgres-schema.ts          write prisma/postgres/schema.prisma
//   tsx prisma/postgres-schema.ts --check  exit 1 if the committed file is stale
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(PRISMA_DIR, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(PRISMA_DIR, "postgres", "schema.prisma");

const HEADER = [
  "// GENERATED from ../schema.prisma by prisma/postgres-schema.ts (npm run db:schema:postgres).",
  "// Do not edit: change ../schema.prisma, regenerate, then add a migration for each database.",
  "",
].join("\n");

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, "gm"));
  if (matches?.length !== 1) throw new Error(`expected one match of ${pattern} in schema.prisma`);
  return text.replace(new RegExp(pattern.source, "m"), replacement);
}

export function postgresSchemaFrom(sqlite: string): string {
  let text = replaceOnce(sqlite, /^(\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  text = replaceOnce(
    text,
    /^(\s*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/,
    '$1"../../lib/generated/prisma-postgres"',
  );
  return HEADER + text;
}

async function main(check: boolean): Promise<number> {
  const expected = postgresSchemaFrom(await readFile(SQLITE_SCHEMA, "utf8"));
  if (!check) {
    await writeFile(POSTGRES_SCHEMA, expected, "utf8");
    console.log(`Wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
    return 0;
  }
  const committed = await readFile(POSTGRES_SCHEMA, "utf8").catch(() => "");
  if (committed === expected) {
    console.log("prisma/postgres/schema.prisma matches prisma/schema.prisma.");
    return 0;
  }
  console.error("prisma/postgres/schema.prisma is stale: run npm run db:schema:postgres");
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.includes("--check"));
}
