import "server-only";
// An export with names leaves as an AES-256 encrypted zip: a laptop left
// open, a shared downloads folder or a forwarded e-mail then gives away
// nothing without the password the user chose. The password is used for
// this one stream and never stored or logged.
import { configure, ZipWriter } from "@zip.js/zip.js";

// On the server the archive is written in this process, not in web workers.
configure({ useWebWorkers: false });

export { MIN_ARCHIVE_PASSWORD } from "./archive-password";

/** The stream of a zip holding one file, `fileName`, encrypted with AES-256 under `password`. */
export function encryptedZip(fileName: string, content: ReadableStream<Uint8Array>, password: string): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = new ZipWriter(writable, { password, encryptionStrength: 3, zipCrypto: false });
  void (async () => {
    try {
      await writer.add(fileName, content);
      await writer.close();
    } catch {
      // The client went away, or the export failed: the stream ends broken, so no half archive looks whole.
      await writable.abort().catch(() => undefined);
    }
  })();
  return readable;
}
