import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/fixtures";
import { CHUNK_BYTES, EncryptedFileStore, LocalSealedStore, PostgresSealedStore, type SealedStore } from "./store";
import { S3SealedStore, s3Config } from "./s3-store";
import { moveFiles } from "./move";

// Every store keeps the same promise, against the real thing: PostgreSQL
// (the test cluster), an S3-compatible server (s3rver, over HTTP with signed
// requests) and a folder. What a store holds is ciphertext only.
const key = crypto.randomBytes(32);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-stores-"));
const S3_PORT = 4600 + Math.floor(Math.random() * 300);
let s3server: S3rver;
// s3rver's own access keys: it checks every request's signature with them.
const bucket = () => s3Config({ S3_BUCKET: "waypoint-files", S3_ENDPOINT: `http://127.0.0.1:${S3_PORT}`, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_PREFIX: "documents/" });

beforeAll(async () => {
  s3server = new S3rver({ port: S3_PORT, address: "127.0.0.1", silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "waypoint-files", configs: [] }] });
  await s3server.run();
});

afterAll(async () => {
  await s3server.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The bytes a store holds for a key, as an operator of that store would see them. */
const held: Record<string, (storageKey: string) => Promise<Buffer>> = {
  postgres: async (storageKey) => Buffer.concat((await testDb.fileChunk.findMany({ where: { key: storageKey }, orderBy: { part: "asc" } })).map((c) => c.bytes)),
  s3: (storageKey) => new S3SealedStore(bucket()).getSealed(storageKey),
  local: async (storageKey) => fs.readFileSync(path.join(work, "local", storageKey.slice(0, 2), storageKey)),
};

const sealedStores: Record<string, () => SealedStore> = {
  postgres: () => new PostgresSealedStore(testDb),
  s3: () => new S3SealedStore(bucket()),
  local: () => new LocalSealedStore(path.join(work, "local")),
};

describe.each(Object.keys(sealedStores))("the %s file store", (kind) => {
  const make = (sealKey = key) => new EncryptedFileStore(sealedStores[kind](), sealKey);

  it("gives back exactly what was put, and holds only ciphertext", async () => {
    const store = make();
    const storageKey = crypto.randomUUID();
    const plain = Buffer.from(`%PDF-1.4 court order for Kim Chol-su ${storageKey}`);
    await store.put(storageKey, plain);
    expect(await store.get(storageKey)).toEqual(plain);
    const raw = await held[kind](storageKey);
    expect(raw.length).toBeGreaterThan(plain.length);
    expect(raw.includes(Buffer.from("Kim Chol-su"))).toBe(false);
  });

  it("keeps a file of several megabytes whole", async () => {
    const store = make();
    const storageKey = crypto.randomUUID();
    const plain = crypto.randomBytes(Math.floor(3.5 * CHUNK_BYTES));
    await store.put(storageKey, plain);
    expect((await store.get(storageKey)).equals(plain)).toBe(true);
    if (kind === "postgres") expect(await testDb.fileChunk.count({ where: { key: storageKey } })).toBe(4);
  });

  it("removes a file, and a removed or unknown file cannot be read", async () => {
    const store = make();
    const storageKey = crypto.randomUUID();
    await store.put(storageKey, Buffer.from("receipt"));
    await store.remove(storageKey);
    await expect(store.get(storageKey)).rejects.toThrow();
    await expect(store.get(crypto.randomUUID())).rejects.toThrow();
    // Removing what is not there is not an error (a retention run may retry).
    await store.remove(storageKey);
  });

  it("refuses a key that is not a storage key", async () => {
    const store = make();
    await expect(store.put("../../etc/passwd", Buffer.from("x"))).rejects.toThrow("invalid storage key");
    await expect(store.get("documents/../x")).rejects.toThrow("invalid storage key");
  });

  it("refuses bytes sealed with another key", async () => {
    const storageKey = crypto.randomUUID();
    await make().put(storageKey, Buffer.from("medical record"));
    await expect(make(crypto.randomBytes(32)).get(storageKey)).rejects.toThrow();
  });

  it("lists its storage keys (for moves and backups)", async () => {
    const storageKey = crypto.randomUUID();
    await make().put(storageKey, Buffer.from("photo"));
    expect(await sealedStores[kind]().keys()).toContain(storageKey);
  });
});

it("moves files from a server's folder into PostgreSQL, checked, and leaves the folder empty", async () => {
  const folder = new LocalSealedStore(path.join(work, "moving"));
  const files = new Map([...Array(3)].map((_, i) => [crypto.randomUUID(), crypto.randomBytes(1000 + i * CHUNK_BYTES)]));
  for (const [storageKey, plain] of files) await new EncryptedFileStore(folder, key).put(storageKey, plain);
  const moved = await moveFiles(folder, new PostgresSealedStore(testDb));
  expect(moved).toBe(3);
  expect(await folder.keys()).toEqual([]);
  const database = new EncryptedFileStore(new PostgresSealedStore(testDb), key);
  for (const [storageKey, plain] of files) expect((await database.get(storageKey)).equals(plain)).toBe(true);
  // Again: nothing left to move, nothing changed.
  expect(await moveFiles(folder, new PostgresSealedStore(testDb))).toBe(0);
});
