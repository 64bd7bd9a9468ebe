// Config for the Prisma 6.19 CLI (npm alias "prisma6"), used only to write
// migration SQL offline: its WASM schema engine needs no download. See
// docs/decisions/001-sql-migrations.md.
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DIFF_DATABASE_URL }) as never,
});
