// Where document files live. A store holds sealed bytes only (AES-256-GCM
// under FILE_ENCRYPTION_KEY, lib/files/crypto), under random keys: no names,
// no case codes. Sealing happens here, on the app server, before the bytes
// leave it; moving files between stores and backups copy the sealed bytes
// and never need the key.
//
// FILE_STORE chooses the store:
//   postgres (default)  the database every app server already shares
//                       (FileChunk rows), so servers keep nothing on disk
//                       and a database backup holds the files too;
//   s3                  an S3-compatible bucket (lib/files/s3-store.ts);
//   local               a folder on this server (FILE_STORAGE_DIR), for one
//                       server only: a second server would not see it.
import fs from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/prisma-client";
import { decrypt, encrypt, parseKey } from "./crypto";
import { S3SealedStore, s3Config } from "./s3-store";
import { checkStorageKey, isStorageKey } from "./storage-key";

/** What the app uses: plain bytes in, plain bytes out. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/** Where sealed bytes are kept. */
export interface SealedStore {
  putSealed(key: string, sealed: Buffer): Promise<void>;
  /** Throws when there is no such file. */
  getSealed(key: string): Promise<Buffer>;
  /** Removing what is not there is not an error (a retention run may retry). */
  remove(key: string): Promise<void>;
  /** Every storage key held, for moves and backups. */
  keys(): Promise<string[]>;
}

export const FILE_STORES = ["postgres", "s3", "local"] as const;
export type FileStoreKind = (typeof FILE_STORES)[number];

export function fileStoreKind(value = process.env.FILE_STORE): FileStoreKind {
  const kind = value?.trim() || "postgres";
  if (!(FILE_STORES as readonly string[]).includes(kind)) throw new Error(`FILE_STORE must be one of ${FILE_STORES.join(", ")} (it is "${kind}").`);
  return kind as FileStoreKind;
}

/** Seals on the way in and opens on the way out, over any sealed store. */
export class EncryptedFileStore implements FileStore {
  constructor(
    readonly sealed: SealedStore,
    private readonly key: Buffer,
  ) {}

  put(key: string, data: Buffer) {
    return this.sealed.putSealed(key, encrypt(data, this.key));
  }

  async get(key: string) {
    return decrypt(await this.sealed.getSealed(key), this.key);
  }

  remove(key: string) {
    return this.sealed.remove(key);
  }
}

/** Sealed files in a directory outside the web root (default .data/files). */
export class LocalSealedStore implements SealedStore {
  constructor(readonly root: string) {}

  private pathFor(key: string) {
    checkStorageKey(key);
    // Two levels of fan-out keep directories small.
    return path.join(this.root, key.slice(0, 2), key);
  }

  async putSealed(key: string, sealed: Buffer) {
    const target = this.pathFor(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written file under the real name.
    const temporary = `${target}.partial`;
    await fs.writeFile(temporary, sealed, { mode: 0o600 });
    await fs.rename(temporary, target);
  }

  getSealed(key: string) {
    return fs.readFile(this.pathFor(key));
  }

  async remove(key: string) {
    await fs.rm(this.pathFor(key), { force: true });
  }

  async keys() {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && isStorageKey(entry.name))
      .map((entry) => entry.name);
  }
}

/** Parts of the sealed file: small enough that no row or message is large. */
export const CHUNK_BYTES = 1024 * 1024;

/** Sealed files in PostgreSQL, cut into FileChunk rows. */
export class PostgresSealedStore implements SealedStore {
  constructor(private readonly db: Pick<Db, "$transaction" | "fileChunk" | "$queryRaw">) {}

  async putSealed(key: string, sealed: Buffer) {
    checkStorageKey(key);
    const parts: { key: string; part: number; bytes: Uint8Array<ArrayBuffer> }[] = [];
    for (let offset = 0, part = 0; offset < sealed.length; offset += CHUNK_BYTES, part++) {
      parts.push({ key, part, bytes: new Uint8Array(sealed.subarray(offset, offset + CHUNK_BYTES)) });
    }
    // All the parts or none: a file is never half there.
    await this.db.$transaction(async (tx) => {
      await tx.fileChunk.deleteMany({ where: { key } });
      await tx.fileChunk.createMany({ data: parts });
    });
  }

  async getSealed(key: string): Promise<Buffer> {
    checkStorageKey(key);
    const parts = await this.db.fileChunk.findMany({ where: { key }, orderBy: { part: "asc" }, select: { part: true, bytes: true } });
    if (parts.length === 0 || parts.some((p, index) => p.part !== index)) throw new Error("stored file not found");
    return Buffer.concat(parts.map((p) => p.bytes));
  }

  async remove(key: string) {
    checkStorageKey(key);
    await this.db.fileChunk.deleteMany({ where: { key } });
  }

  async keys() {
    const rows = await this.db.$queryRaw<{ key: string }[]>`select key::text from "FileChunk" where part = 0`;
    return rows.map((r) => r.key);
  }
}

/** The folder of FILE_STORE=local (and where the files of an earlier local store are found). */
export function localFileDir(): string {
  // A folder chosen at run time: the build must not trace (and bundle) the project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.FILE_STORAGE_DIR ?? path.join(process.cwd(), ".data/files"));
}

type StoreDb = Pick<Db, "$transaction" | "fileChunk" | "$queryRaw">;

/** The sealed store FILE_STORE names (the database's through `database`). */
export function sealedStore(database: StoreDb, kind: FileStoreKind = fileStoreKind()): SealedStore {
  if (kind === "local") return new LocalSealedStore(localFileDir());
  if (kind === "s3") return new S3SealedStore(s3Config());
  return new PostgresSealedStore(database);
}

/** The store FILE_STORE names, sealing with FILE_ENCRYPTION_KEY. */
export function createFileStore(database: StoreDb, kind: FileStoreKind = fileStoreKind()): FileStore {
  return new EncryptedFileStore(sealedStore(database, kind), parseKey(process.env.FILE_ENCRYPTION_KEY));
}
