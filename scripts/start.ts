// `npm start`: database (embedded unless DATABASE_URL is set) → migrations →
// demo data on a new embedded database → production build if missing or
// stale → `next start` (`npm run dev`: `next dev` instead, no build). Ctrl-C stops the app and the embedded database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { authSecret, fileEncryptionKey, moveLocalFiles, openDatabase, prepareDatabase, ROOT, serverCommand } from "./environment";
import { countUsers, printDemoAccounts, seedDemoData } from "./seed";

const SOURCE_DIRS = ["app", "components", "lib", "i18n", "messages", "prisma"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceTime(): number {
  let newest = 0;
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) if (entry !== "generated") visit(path.join(target, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(ROOT, dir))) visit(path.join(ROOT, dir));
  for (const file of SOURCE_FILES) if (fs.existsSync(path.join(ROOT, file))) visit(path.join(ROOT, file));
  return newest;
}

function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceTime()) return;
  console.log("building Waypoint (first start or changed sources)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

async function main() {
  const database = await openDatabase();
  const port = process.env.PORT ?? "3000";
  try {
    for (const name of await prepareDatabase(database)) console.log(`applied migration ${name}`);
    await moveLocalFiles(database.ownerUrl);
    // Demo data only on an empty embedded database: never on a real server
    // (DATABASE_URL) unless asked with `npm run db:seed`.
    if (database.embedded && (await countUsers(database.ownerUrl)).all === 0) {
      await seedDemoData(database.ownerUrl);
    }
    const env = {
      ...process.env,
      // The app's own role: data only, the audit log append-only (scripts/database.ts, grantAppAccess).
      DATABASE_URL: database.appUrl,
      AUTH_SECRET: authSecret(database.embedded),
      FILE_ENCRYPTION_KEY: fileEncryptionKey(database.embedded),
      FILE_STORAGE_DIR: process.env.FILE_STORAGE_DIR ?? path.join(ROOT, ".data/files"),
      NODE_ENV: "production" as const,
    };
    const dev = process.argv.includes("--dev");
    if (!dev) buildIfNeeded(env);
    // The server runs in its own process group so that stopping Waypoint
    // (Ctrl-C, or a signal to this process alone) stops every process of it.
    const next = path.join(ROOT, "node_modules/.bin/next");
    const server = dev
      ? spawn(next, ["dev", "-p", port], { cwd: ROOT, env: { ...env, NODE_ENV: "development" }, stdio: ["ignore", "inherit", "inherit"], detached: true })
      : spawn(...serverCommand(port), { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    const stop = (signal: NodeJS.Signals) => {
      try {
        if (server.pid) process.kill(-server.pid, signal);
      } catch {
        // already gone
      }
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
    setTimeout(async () => {
      console.log(`\nWaypoint is running at http://localhost:${port}`);
      if ((await countUsers(database.ownerUrl)).demo > 0) printDemoAccounts();
    }, 1500);
    const code = await new Promise<number>((resolve) => server.on("exit", (exitCode) => resolve(exitCode ?? 0)));
    await database.stop();
    process.exit(code);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
