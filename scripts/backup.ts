// Backups: the database (pg_dump's custom format) and the encrypted document
// files, in one .tar with a manifest of what it holds. With documents in
// PostgreSQL (FILE_STORE=postgres, the default) the files are in the dump;
// from a folder or a bucket they are copied into the tar's files/ folder,
// sealed as they are stored. The key that decrypts the files
// (FILE_ENCRYPTION_KEY) is never in a backup: keep it apart, or the files
// cannot be read; a stolen backup alone then reveals no document.
//
//   npm run db:backup [FILE]            writes backups/waypoint-<time>.tar unless FILE is given
//   npm run db:restore FILE [--replace] restores into an empty database and file store;
//                                       --replace drops and recreates them first
//
// Both use DATABASE_URL, or the embedded database of `npm start` (running or
// not), and the file store FILE_STORE names. A backup restores into any
// store: files of the tar into PostgreSQL, or files of the dump into a bucket.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseName, recreateDatabase } from "./database";
import { openDatabase, prepareDatabase, ROOT } from "./environment";
import { createPrismaClient } from "../lib/prisma-client";
import { PostgresSealedStore, sealedStore, type SealedStore } from "../lib/files/store";
import { isStorageKey } from "../lib/files/storage-key";
import { moveFiles } from "../lib/files/move";

/**
 * Where the documents' sealed files are, given a database client on the same
 * database: "database" when they are its FileChunk rows (then the dump holds
 * them), otherwise the folder or bucket.
 */
export type FilesAt = (db: ReturnType<typeof createPrismaClient>) => SealedStore | "database";

export type Manifest = {
  format: 1;
  createdAt: string;
  database: string;
  dumpSha256: string;
  counts: { cases: number; people: number; documents: number; auditRows: number; files: number };
};

function pgEnv(url: string) {
  const u = new URL(url);
  return { ...process.env, PGHOST: u.hostname, PGPORT: u.port || "5432", PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password), PGDATABASE: databaseName(url) };
}

const COUNTS_SQL = `select (select count(*) from "Case") as cases, (select count(*) from "Person") as people,
                             (select count(*) from "Document") as documents, (select count(*) from "AuditLog") as audit,
                             (select count(*) from "FileChunk" where part = 0) as stored`;

function countsFrom(row: Record<string, unknown>) {
  return { cases: Number(row.cases), people: Number(row.people), documents: Number(row.documents), auditRows: Number(row.audit), storedInDatabase: Number(row.stored) };
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return countsFrom((await client.query(COUNTS_SQL)).rows[0]);
  } finally {
    await client.end();
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Writes one backup file; returns its manifest. */
export async function createBackup(url: string, filesAt: FilesAt, outFile: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-backup-"));
  const db = createPrismaClient(url, 2);
  try {
    const dump = path.join(work, "database.dump");
    // The app may be writing meanwhile: the counts and the dump come from one
    // snapshot, so the manifest describes exactly what the dump holds.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let databaseCounts;
    try {
      await client.query("begin isolation level repeatable read read only");
      const snapshot = (await client.query("select pg_export_snapshot() as id")).rows[0].id as string;
      databaseCounts = countsFrom(
        (
          await client.query(COUNTS_SQL).catch(() => {
            throw new Error(`${databaseName(url)} is not an up-to-date Waypoint database: run npm run db:migrate (or npm start) first.`);
          })
        ).rows[0],
      );
      execFileSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${dump}`], { env: pgEnv(url), stdio: ["ignore", "inherit", "inherit"] });
      await client.query("commit");
    } finally {
      await client.end();
    }
    // Files are written before their rows, so copying after the snapshot keeps every file a row names.
    fs.mkdirSync(path.join(work, "files"));
    const store = filesAt(db);
    if (store !== "database") {
      for (const key of await store.keys()) {
        fs.mkdirSync(path.join(work, "files", key.slice(0, 2)), { recursive: true });
        fs.writeFileSync(path.join(work, "files", key.slice(0, 2), key), await store.getSealed(key));
      }
    }
    const { storedInDatabase, ...rows } = databaseCounts;
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: databaseName(url),
      dumpSha256: crypto.createHash("sha256").update(fs.readFileSync(dump)).digest("hex"),
      counts: { ...rows, files: storedInDatabase + listFiles(path.join(work, "files")).length },
    };
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    execFileSync("tar", ["-cf", path.resolve(outFile), "-C", work, "manifest.json", "database.dump", "files"]);
    fs.chmodSync(outFile, 0o600);
    return manifest;
  } finally {
    await db.$disconnect();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0].n === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into the database at `url` and the file store `filesAt`
 * names, which must both be empty unless `replace` (then both are emptied
 * first). Checks the dump's hash, and afterwards that every count in the
 * manifest matches.
 */
export async function restoreBackup(file: string, url: string, filesAt: FilesAt, options: { replace?: boolean } = {}): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-restore-"));
  const db = createPrismaClient(url, 2);
  try {
    execFileSync("tar", ["-xf", path.resolve(file), "-C", work]);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, "manifest.json"), "utf8")) as Manifest;
    const dump = path.join(work, "database.dump");
    const hash = crypto.createHash("sha256").update(fs.readFileSync(dump)).digest("hex");
    if (hash !== manifest.dumpSha256) throw new Error("The backup's database dump does not match its manifest: the file is damaged or was altered.");
    const target = filesAt(db);
    if (options.replace) {
      await db.$disconnect();
      await recreateDatabase(url);
      if (target !== "database") for (const key of await target.keys()) await target.remove(key);
    } else {
      if (!(await isEmpty(url))) throw new Error(`The database ${databaseName(url)} already holds data. Restore into a new, empty database, or pass --replace to drop it first.`);
      if (target !== "database" && (await target.keys()).length) throw new Error("The file store already holds files. Restore into an empty one, or pass --replace.");
    }
    execFileSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${databaseName(url)}`, dump], { env: pgEnv(url), stdio: ["ignore", "inherit", "inherit"] });
    // The files go where this installation keeps them, wherever the backup's installation kept them.
    const inDatabase = new PostgresSealedStore(db);
    const store = target === "database" ? inDatabase : target;
    for (const name of listFiles(path.join(work, "files"))) {
      const key = path.basename(name);
      if (isStorageKey(key)) await store.putSealed(key, fs.readFileSync(path.join(work, "files", name)));
    }
    if (target !== "database") await moveFiles(inDatabase, target);
    const { storedInDatabase, ...rows } = await counts(url);
    const restored = { ...rows, files: target === "database" ? storedInDatabase : (await target.keys()).length };
    for (const [key, value] of Object.entries(manifest.counts)) {
      if (restored[key as keyof typeof restored] !== value) throw new Error(`Restored ${key}: ${restored[key as keyof typeof restored]}, but the backup held ${value}.`);
    }
    return manifest;
  } finally {
    await db.$disconnect();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** This installation's file store (FILE_STORE): "database" for PostgreSQL. */
export const filesOfInstallation: FilesAt = (db) => {
  const store = sealedStore(db);
  return store instanceof PostgresSealedStore ? "database" : store;
};

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const database = await openDatabase({ shareRunning: true });
  try {
    if (command === "backup") {
      const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
      const out = args[0] ?? path.join(ROOT, "backups", `waypoint-${stamp}.tar`);
      const manifest = await createBackup(database.ownerUrl, filesOfInstallation, out);
      console.log(`backup written: ${out}`);
      console.log(`  ${manifest.counts.cases} cases, ${manifest.counts.people} people, ${manifest.counts.documents} documents (${manifest.counts.files} files), ${manifest.counts.auditRows} audit rows`);
      console.log("  FILE_ENCRYPTION_KEY is not in the backup: keep a copy of it somewhere else.");
    } else if (command === "restore" && args[0]) {
      const manifest = await restoreBackup(args[0], database.ownerUrl, filesOfInstallation, { replace: args.includes("--replace") });
      // Restored tables are the owner's again: the app's role gets its grants back.
      await prepareDatabase(database);
      console.log(`restored the backup of ${manifest.createdAt}: ${manifest.counts.cases} cases, ${manifest.counts.documents} documents, ${manifest.counts.auditRows} audit rows; every count checked.`);
    } else {
      console.error("usage: npm run db:backup [FILE] | npm run db:restore FILE [--replace]");
      process.exitCode = 2;
    }
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
