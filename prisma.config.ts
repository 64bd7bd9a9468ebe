// Prisma 7 CLI config: used for `prisma generate` only. Migrations are SQL
// files applied by scripts/migrate.ts (docs/decisions/001-sql-migrations.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
