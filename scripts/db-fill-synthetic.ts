import { parseArgs } from "node:util";
import { z } from "zod";
import { isEntryPoint } from "@/lib/cli/entry-point";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { fillSynthetic, MissingTablesError, SYNTHETIC_PREFIX } from "@/lib/synthetic/fill";

const USAGE =
  "Usage: npm run db:fill-synthetic -- --services N   (N a positive whole number; writes into DATABASE_URL)";

const argsSchema = z.object({
  services: z.coerce
    .number({ error: "--services is required" })
    .int("--services must be a whole number")
    .positive("--services must be at least 1"),
});

// Exported so tests can run the whole command in-process against a database of their own.
export async function main(
  argv: string[],
  { openDb = () => createPrismaClient() }: { openDb?: () => PrismaClient } = {},
): Promise<number> {
  let services: number;
  try {
    const { values } = parseArgs({ args: argv, options: { services: { type: "string" } }, strict: true });
    const parsed = argsSchema.safeParse({ services: values.services ?? undefined });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
    services = parsed.data.services;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const db = openDb();
  const started = performance.now();
  try {
    const s = await fillSynthetic(db, { services });
    console.log(
      `Wrote ${s.services} synthetic services (${SYNTHETIC_PREFIX}1…${SYNTHETIC_PREFIX}${s.services}) with ` +
        `${s.claims} claims (${s.currentClaims} current), ${s.formerNames} former names, ${s.domains} domains; ` +
        `${s.properties} properties ensured; ${s.replaced} earlier synthetic services replaced; ` +
        `${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof MissingTablesError) {
      console.error(error.message);
      return 1;
    }
    console.error(`Synthetic fill failed and was rolled back: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
