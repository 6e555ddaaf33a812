import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Integration tests start something outside the test process: real mail and web servers on
// loopback (tests/servers, Dovecot, smtp-server) or a CLI as npm runs it. Everything else is a
// unit test: pure logic, or the library against a temporary SQLite file, in-process.
const INTEGRATION = ["tests/**/*.integration.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Every test that touches a database gets its own file (a copy of the migrated template) and
    // every server listens on a port picked at start, so test files can run side by side.
    fileParallelism: true,
    // On PostgreSQL (DATABASE_URL=postgresql://…, decision 0010) writes in bulk take about 1.5×
    // as long, and the first test of a worker that needs the seeded catalogue seeds it.
    testTimeout: /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? 60_000 : 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...INTEGRATION],
          // Files share a worker's modules instead of loading them again, Prisma's query engine
          // above all: half the CPU time of the run on two cores. It holds because unit tests
          // leave no global state behind (mocks and stubbed variables are restored after each).
          isolate: false,
        },
      },
      { extends: true, test: { name: "integration", include: INTEGRATION } },
    ],
  },
});
