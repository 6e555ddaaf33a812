import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/helpers/global-setup.ts"],
    // seeding and importer tests open real SQLite files; keep them from racing on 2 cores
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
