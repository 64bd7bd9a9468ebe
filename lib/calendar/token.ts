import crypto from "node:crypto";

/** A calendar feed secret: 32 random bytes, URL-safe. Only its hash is stored. */
export function newCalendarToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashCalendarToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
