import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, withClient } from "../tests/db-helpers";
import { migrate } from "./migrate";
import { createPrismaClient } from "../lib/prisma-client";
import { createCaseRecords } from "../lib/cases/create-case";
import { intakeSchema } from "../lib/cases/schema";
import { recordAudit } from "../lib/audit";
import { EncryptedFileStore, LocalSealedStore, PostgresSealedStore } from "../lib/files/store";
import { S3SealedStore, s3Config } from "../lib/files/s3-store";
import S3rver from "s3rver";
import { createBackup, restoreBackup, type FilesAt } from "./backup";

// A small but complete database (cases, people, a document with its
// encrypted file, audit rows), backed up and restored into a fresh one, the
// files kept in a folder (as installations before FILE_STORE=postgres did)
// or in the database.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-backup-test-"));
const sourceFiles = path.join(work, "files-source");
const restoredFiles = path.join(work, "files-restored");
const backupFile = path.join(work, "backup.tar");
const key = crypto.randomBytes(32);
let source: string;
const inFolder =
  (dir: string): FilesAt =>
  () =>
    new LocalSealedStore(dir);
const inDatabase: FilesAt = () => "database";

beforeAll(async () => {
  source = await freshDatabase("waypoint_backup_source");
  await migrate(source);
  const db = createPrismaClient(source, 2);
  try {
    const team = await db.team.create({ data: { name: "Backup team" } });
    const user = await db.user.create({ data: { email: "backup@test.waypoint.test", name: "Backup User", role: "CASEWORKER", teamId: team.id, passwordHash: "x" } });
    const store = new EncryptedFileStore(new LocalSealedStore(sourceFiles), key);
    for (let i = 0; i < 3; i++) {
      const input = intakeSchema.parse({
        teamId: team.id,
        caseworkerId: user.id,
        sensitivity: i === 2 ? "RESTRICTED" : "STANDARD",
        members: [{ relationship: "PRINCIPAL", latinName: `Backup Person ${i}`, dateOfBirth: "1990", sex: "MALE", nationality: "VN" }],
        journey: {},
      });
      const created = await db.$transaction((tx) => createCaseRecords(tx, { ...input, counselId: null }, user.id));
      const storageKey = crypto.randomUUID();
      const content = Buffer.from(`%PDF-1.4 document ${i}`);
      await store.put(storageKey, content);
      await db.$transaction(async (tx) => {
        await tx.document.create({
          data: { caseId: created.id, type: "PASSPORT", fileName: `doc-${i}.pdf`, contentType: "application/pdf", sizeBytes: content.length, sha256: crypto.createHash("sha256").update(content).digest("hex"), storageKey, uploadedById: user.id },
        });
        await recordAudit(tx, { actorId: user.id, action: "document.create", entity: "Document", caseId: created.id, ip: "127.0.0.1" });
      });
    }
  } finally {
    await db.$disconnect();
  }
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const snapshot = (url: string) =>
  withClient(url, async (client) => ({
    cases: (await client.query(`select id, code, sensitivity, "principalName" from "Case" order by id`)).rows,
    people: (await client.query(`select id, "latinName" from "Person" order by id`)).rows,
    documents: (await client.query(`select id, "storageKey", sha256 from "Document" order by id`)).rows,
    audit: (await client.query(`select id::text, action, "caseId" from "AuditLog" order by id`)).rows,
    migrations: (await client.query(`select migration_name from _prisma_migrations order by migration_name`)).rows,
  }));

describe("backup and restore", () => {
  it("restore into a fresh database every case, person, document, file and audit row", async () => {
    const manifest = await createBackup(source, inFolder(sourceFiles), backupFile);
    expect(manifest.counts).toMatchObject({ cases: 3, people: 3, documents: 3, files: 3 });
    expect(manifest.counts.auditRows).toBeGreaterThanOrEqual(3);

    const target = await freshDatabase("waypoint_backup_target");
    await restoreBackup(backupFile, target, inFolder(restoredFiles));
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // Every document's file came back intact and still decrypts with the key kept apart.
    const store = new EncryptedFileStore(new LocalSealedStore(restoredFiles), key);
    for (const doc of (await snapshot(target)).documents) {
      const bytes = await store.get(doc.storageKey);
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(doc.sha256);
    }
    // The audit log is still append-only after a restore.
    await expect(withClient(target, (c) => c.query(`update "AuditLog" set action = 'x'`))).rejects.toThrow(/append-only/);
  });

  it("refuses to restore over existing data unless told to replace it", async () => {
    const target = await freshDatabase("waypoint_backup_target");
    await restoreBackup(backupFile, target, inFolder(path.join(work, "files-once")));
    await expect(restoreBackup(backupFile, target, inFolder(path.join(work, "files-twice")))).rejects.toThrow(/already holds data/);
    await restoreBackup(backupFile, target, inFolder(path.join(work, "files-once")), { replace: true });
    expect((await snapshot(target)).cases).toHaveLength(3);
  });

  it("refuses a damaged backup", async () => {
    const unpacked = path.join(work, "unpacked");
    fs.mkdirSync(unpacked);
    execFileSync("tar", ["-xf", backupFile, "-C", unpacked]);
    const dump = path.join(unpacked, "database.dump");
    const bytes = fs.readFileSync(dump);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(dump, bytes);
    const damaged = path.join(work, "damaged.tar");
    execFileSync("tar", ["-cf", damaged, "-C", unpacked, "manifest.json", "database.dump", "files"]);
    const target = await freshDatabase("waypoint_backup_damaged");
    await expect(restoreBackup(damaged, target, inFolder(path.join(work, "files-damaged")))).rejects.toThrow(/damaged or was altered/);
  });

  it("copies a bucket's files into the backup, and restores them into another bucket", async () => {
    // A real S3-compatible server (s3rver, checking each request's signature).
    const port = 4900 + Math.floor(Math.random() * 90);
    const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "source", configs: [] }, { name: "restored", configs: [] }] });
    await server.run();
    const bucket = (name: string) => new S3SealedStore(s3Config({ S3_BUCKET: name, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" }));
    try {
      // The source installation's files, moved from its folder into its bucket.
      const folder = new LocalSealedStore(sourceFiles);
      for (const storageKey of await folder.keys()) await bucket("source").putSealed(storageKey, await folder.getSealed(storageKey));
      const bucketBackup = path.join(work, "bucket-backup.tar");
      const manifest = await createBackup(source, () => bucket("source"), bucketBackup);
      expect(manifest.counts.files).toBe(3);
      const target = await freshDatabase("waypoint_backup_into_bucket");
      await restoreBackup(bucketBackup, target, () => bucket("restored"));
      const store = new EncryptedFileStore(bucket("restored"), key);
      const documents = (await snapshot(target)).documents;
      expect(documents).toHaveLength(3);
      for (const doc of documents) expect(crypto.createHash("sha256").update(await store.get(doc.storageKey)).digest("hex")).toBe(doc.sha256);
      // A second restore into the same bucket is refused without --replace.
      await expect(restoreBackup(bucketBackup, await freshDatabase("waypoint_backup_into_bucket_again"), () => bucket("restored"))).rejects.toThrow(/already holds files/);
    } finally {
      await server.close();
    }
  });

  it("moves a folder's files into the database on restore, and back out of a database backup into a folder", async () => {
    const intoDatabase = await freshDatabase("waypoint_backup_into_db");
    await restoreBackup(backupFile, intoDatabase, inDatabase);
    const documents = (await snapshot(intoDatabase)).documents;
    const client = createPrismaClient(intoDatabase, 2);
    try {
      const store = new EncryptedFileStore(new PostgresSealedStore(client), key);
      for (const doc of documents) expect(crypto.createHash("sha256").update(await store.get(doc.storageKey)).digest("hex")).toBe(doc.sha256);
    } finally {
      await client.$disconnect();
    }
    // A backup of that installation holds its files in the dump, none beside it.
    const databaseBackup = path.join(work, "database-backup.tar");
    const manifest = await createBackup(intoDatabase, inDatabase, databaseBackup);
    expect(manifest.counts.files).toBe(3);
    expect(execFileSync("tar", ["-tf", databaseBackup], { encoding: "utf8" }).split("\n").filter((line) => /files\/.+\/.+/.test(line))).toEqual([]);
    // Restored where files are kept in a folder, the files leave the database for the folder.
    const intoFolder = await freshDatabase("waypoint_backup_into_folder");
    const folder = path.join(work, "files-from-database");
    await restoreBackup(databaseBackup, intoFolder, inFolder(folder));
    expect(await withClient(intoFolder, async (c) => (await c.query(`select count(*)::int as n from "FileChunk"`)).rows[0].n)).toBe(0);
    const store = new EncryptedFileStore(new LocalSealedStore(folder), key);
    for (const doc of documents) expect(crypto.createHash("sha256").update(await store.get(doc.storageKey)).digest("hex")).toBe(doc.sha256);
  });
});
