import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads the URL from the schema nor loads .env itself; the default keeps
// `prisma generate` working with no environment at all.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
