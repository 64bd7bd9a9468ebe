// Resolves the database and secrets for the start, seed and migrate
// commands: DATABASE_URL when set, otherwise an embedded PostgreSQL under
// .data/. AUTH_SECRET: from the environment, or (embedded mode only) a
// random one kept in .data/auth-secret so sessions survive a restart.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedUrl, ensureDatabase, grantAppAccess, startEmbeddedPostgres, type Cluster } from "./database";
import { migrate } from "./migrate";
import { createPrismaClient } from "../lib/prisma-client";
import { fileStoreKind, LocalSealedStore, localFileDir, sealedStore } from "../lib/files/store";
import { moveFiles } from "../lib/files/move";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DATA_DIR = path.join(ROOT, ".data");

/**
 * The production server (scripts/serve.ts) as one Node process with tsx as
 * its loader, so a signal sent to it reaches its own shutdown handler
 * directly: `spawn(...serverCommand(port), options)`.
 */
export function serverCommand(port: number | string): [string, string[]] {
  return [process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts"), "--port", String(port)]];
}

/**
 * `ownerUrl` owns the tables (migrations, seeding, backups); `appUrl` is the
 * application's role, with data grants only (grantAppAccess).
 */
export type Database = { ownerUrl: string; appUrl: string; embedded: boolean; created: boolean; stop: () => Promise<void> };

/**
 * The app's database: DATABASE_URL, or the embedded cluster under .data/pg.
 * With `shareRunning`, an embedded cluster already running (under `npm
 * start`) is used as it is rather than refused (backups of a running app).
 */
export async function openDatabase(options: { shareRunning?: boolean } = {}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    // A server of one's own: DATABASE_URL is the app's role, DATABASE_OWNER_URL (if set) the owner's, for migrations.
    const appUrl = process.env.DATABASE_URL;
    return { ownerUrl: process.env.DATABASE_OWNER_URL ?? appUrl, appUrl, embedded: false, created: false, stop: async () => {} };
  }
  const port = Number(process.env.WAYPOINT_PG_PORT ?? 5433);
  if (options.shareRunning) {
    const url = embeddedUrl(path.join(DATA_DIR, "pg"), port, "waypoint");
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    const running = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (running) return { ownerUrl: url, appUrl: embeddedUrl(path.join(DATA_DIR, "pg"), port, "waypoint", "app"), embedded: true, created: false, stop: async () => {} };
  }
  const cluster: Cluster = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "pg"), port });
  const url = cluster.url("waypoint");
  const created = await ensureDatabase(url);
  return { ownerUrl: url, appUrl: cluster.appUrl("waypoint"), embedded: true, created, stop: cluster.stop };
}

/** A secret from the environment, or (embedded mode only) a random one kept under .data/ so it survives restarts. */
function localSecret(variable: string, fileName: string, bytes: number, embedded: boolean): string {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  if (!embedded) throw new Error(`${variable} must be set when DATABASE_URL is set (${bytes} random bytes, base64: \`openssl rand -base64 ${bytes}\`).`);
  const file = path.join(DATA_DIR, fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(bytes).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Signs session tokens. */
export function authSecret(embedded: boolean): string {
  return localSecret("AUTH_SECRET", "auth-secret", 33, embedded);
}

/** Encrypts document files at rest. Losing it makes every stored file unreadable: back it up apart from the files. */
export function fileEncryptionKey(embedded: boolean): string {
  return localSecret("FILE_ENCRYPTION_KEY", "file-key", 32, embedded);
}

/**
 * Brings a database up to date: migrations as the owner, then the app
 * role's grants (new tables included). A server where the app connects as
 * the owner itself (no DATABASE_OWNER_URL) gets a warning: the audit log's
 * protection then rests on triggers the app could switch off.
 */
export async function prepareDatabase(database: Pick<Database, "ownerUrl" | "appUrl">, log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = await migrate(database.ownerUrl, log);
  const appRole = decodeURIComponent(new URL(database.appUrl).username);
  if (appRole === decodeURIComponent(new URL(database.ownerUrl).username)) {
    console.warn("warning: the app connects as the owner of the tables. Set DATABASE_OWNER_URL for migrations and give DATABASE_URL a role with data grants only (docs/deploy.md).");
  } else {
    await grantAppAccess(database.ownerUrl, appRole);
  }
  return applied;
}

/**
 * Documents kept in a folder by an earlier version (or FILE_STORE=local)
 * move into the store FILE_STORE now names, each copied and checked before
 * it leaves the folder. Nothing to do when the folder is empty or is the store.
 */
export async function moveLocalFiles(url: string, log: (line: string) => void = console.log): Promise<number> {
  if (fileStoreKind() === "local") return 0;
  const folder = new LocalSealedStore(localFileDir());
  if ((await folder.keys()).length === 0) return 0;
  const db = createPrismaClient(url, 2);
  try {
    log(`moving document files from ${folder.root} into ${fileStoreKind()}…`);
    const moved = await moveFiles(folder, sealedStore(db), (done, total) => {
      if (done % 100 === 0 || done === total) log(`  ${done} of ${total}`);
    });
    return moved;
  } finally {
    await db.$disconnect();
  }
}

/** Waits until a started server answers `url` (its /api/health) with 200. */
export async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy at ${url}`);
}
