import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, parseKey } from "./crypto";
import { sniffContentType } from "./sniff";

const key = crypto.randomBytes(32);

describe("sniffContentType", () => {
  it("recognises PDF, JPEG, PNG and HEIC by their first bytes", () => {
    expect(sniffContentType(Buffer.from("%PDF-1.7\n..."))).toBe("application/pdf");
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(sniffContentType(Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypheic"), 0, 0, 0, 0]))).toBe("image/heic");
  });

  it("refuses executables, scripts and other containers whatever their name", () => {
    expect(sniffContentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // Windows executable
    expect(sniffContentType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeNull(); // ELF
    expect(sniffContentType(Buffer.from("#!/bin/sh\nrm -rf /"))).toBeNull();
    expect(sniffContentType(Buffer.from("<html><script>"))).toBeNull();
    expect(sniffContentType(Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypmp42")]))).toBeNull(); // video
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe("file encryption", () => {
  it("round-trips and never stores the plain bytes", () => {
    const plain = Buffer.from("%PDF-1.4 court order of the Criminal Court");
    const sealed = encrypt(plain, key);
    expect(sealed.includes(Buffer.from("court order"))).toBe(false);
    expect(decrypt(sealed, key)).toEqual(plain);
  });

  it("refuses a tampered file and a wrong key", () => {
    const sealed = encrypt(Buffer.from("receipt"), key);
    const tampered = Buffer.from(sealed);
    tampered[20] ^= 0xff;
    expect(() => decrypt(tampered, key)).toThrow();
    expect(() => decrypt(sealed, crypto.randomBytes(32))).toThrow();
  });

  it("needs a 32-byte key", () => {
    expect(() => parseKey(undefined)).toThrow(/FILE_ENCRYPTION_KEY/);
    expect(() => parseKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    expect(parseKey(key.toString("base64"))).toEqual(key);
  });
});
