// What a file really is, from its first bytes, never from its name or the
// browser's claim: a renamed executable stays an executable.

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/heic"] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

function startsWith(bytes: Uint8Array, signature: number[], offset = 0) {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // ISO base media file: size(4) "ftyp" brand(4)
  if (bytes.length >= 12 && startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIC_BRANDS.has(brand)) return "image/heic";
  }
  return null;
}

export const EXTENSION: Record<AllowedContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
};
