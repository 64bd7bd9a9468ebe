// Files are encrypted at rest with AES-256-GCM: a fresh 12-byte nonce per
// file, and the authentication tag refuses any file that was altered.
// Layout: [1 byte format version][12 bytes nonce][ciphertext][16 bytes tag].
import crypto from "node:crypto";

const FORMAT = 1;

export function parseKey(base64: string | undefined): Buffer {
  if (!base64) throw new Error("FILE_ENCRYPTION_KEY is not set (32 random bytes, base64).");
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("FILE_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return key;
}

export function encrypt(plain: Buffer, key: Buffer): Buffer {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), nonce, body, cipher.getAuthTag()]);
}

export function decrypt(sealed: Buffer, key: Buffer): Buffer {
  if (sealed.length < 29 || sealed[0] !== FORMAT) throw new Error("not an encrypted Waypoint file");
  const nonce = sealed.subarray(1, 13);
  const tag = sealed.subarray(sealed.length - 16);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(13, sealed.length - 16)), decipher.final()]);
}

export function sha256(data: Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}
