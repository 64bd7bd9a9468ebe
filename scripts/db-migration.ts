// `npm run db:migration NAME`: writes prisma/migrations/<timestamp>_NAME/
// migration.sql with the SQL that takes the database from the schema of the
// last migration (prisma/migrations/schema.last.prisma) to the current
// prisma/schema.prisma. The SQL comes from Prisma 6.19's WASM schema engine
// (npm alias "prisma6"), which runs offline; it needs a scratch database,
// which an embedded PostgreSQL provides. Hand-written SQL (extensions,
// triggers) may be appended to the generated file before committing it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./database.ts";

const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const lastPath = path.join(root, "prisma/migrations/schema.last.prisma");

/** Prisma 6 insists on a datasource url even when it never connects with it. */
function withUrl(schema: string) {
  return schema.replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DIFF_DATABASE_URL")');
}

export async function diffSchemas(fromSchema: string, toSchema: string, scratchUrl: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-diff-"));
  try {
    fs.writeFileSync(path.join(dir, "from.prisma"), withUrl(fromSchema));
    fs.writeFileSync(path.join(dir, "to.prisma"), withUrl(toSchema));
    return execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma6/build/index.js"),
        "migrate", "diff", "--config", path.join(root, "prisma6.config.ts"),
        "--from-schema-datamodel", path.join(dir, "from.prisma"),
        "--to-schema-datamodel", path.join(dir, "to.prisma"),
        "--script",
      ],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          // Neither engine runs for a datamodel-to-datamodel diff; pointing at
          // /bin/true stops the CLI from trying to download them.
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
          DIFF_DATABASE_URL: scratchUrl,
        },
      },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const EMPTY_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DIFF_DATABASE_URL) return work(process.env.DIFF_DATABASE_URL);
  const cluster = await startEmbeddedPostgres({ dir: path.join(root, ".data/tools-pg"), port: 5439 });
  try {
    const url = cluster.url("waypoint_scratch");
    await ensureDatabase(url);
    return await work(url);
  } finally {
    await cluster.stop();
  }
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration <name_in_snake_case>");
    process.exit(2);
  }
  const from = fs.existsSync(lastPath) ? fs.readFileSync(lastPath, "utf8") : EMPTY_SCHEMA;
  const to = fs.readFileSync(schemaPath, "utf8");
  const sql = await withScratchDatabase((url) => diffSchemas(from, to, url));
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log("schema.prisma has not changed since the last migration: nothing to write");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(lastPath, to);
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
