// Where document files live. The interface is small so an S3-compatible
// store can replace the local one; whatever the store, it only ever sees
// encrypted bytes under random keys (no names, no case codes).
import fs from "node:fs/promises";
import path from "node:path";
import { decrypt, encrypt, parseKey } from "./crypto";

export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/** Encrypted files in a directory outside the web root (default .data/files). */
export class LocalEncryptedFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly key: Buffer,
  ) {}

  private pathFor(key: string) {
    if (!/^[a-f0-9-]{36}$/.test(key)) throw new Error("invalid storage key");
    // Two levels of fan-out keep directories small.
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, data: Buffer) {
    const target = this.pathFor(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written file under the real name.
    const temporary = `${target}.partial`;
    await fs.writeFile(temporary, encrypt(data, this.key), { mode: 0o600 });
    await fs.rename(temporary, target);
  }

  async get(key: string) {
    return decrypt(await fs.readFile(this.pathFor(key)), this.key);
  }

  async remove(key: string) {
    await fs.rm(this.pathFor(key), { force: true });
  }
}

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= new LocalEncryptedFileStore(
    path.resolve(process.env.FILE_STORAGE_DIR ?? path.join(process.cwd(), ".data/files")),
    parseKey(process.env.FILE_ENCRYPTION_KEY),
  );
  return store;
}
