import "server-only";
// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits,
// 30-second steps, one step of clock drift allowed either way). The secret
// is sealed at rest like uploaded files; a code is accepted once only; ten
// one-time recovery codes are issued at enrolment, kept only as SHA-256.
import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { decrypt, encrypt, parseKey } from "@/lib/files/crypto";
import type { Tx } from "@/lib/db";

const ISSUER = "Waypoint";
const key = () => parseKey(process.env.FILE_ENCRYPTION_KEY);

function totpFor(secret: OTPAuth.Secret, label: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret });
}

/** A new secret for enrolment, as the base32 text and an otpauth:// URI for the QR code. */
export function newTotpSecret(label: string) {
  const secret = new OTPAuth.Secret({ size: 20 });
  return { base32: secret.base32, uri: totpFor(secret, label).toString() };
}

export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export function sealSecret(base32: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encrypt(Buffer.from(base32, "utf8"), key()));
}

function openSecret(sealed: Uint8Array): string {
  return decrypt(Buffer.from(sealed), key()).toString("utf8");
}

/**
 * The time step a code is valid for, or null. `lastStep` is the step of the
 * last accepted code: the same code (or an older one) is refused, so a code
 * seen over someone's shoulder cannot be replayed.
 */
export function acceptedStep(base32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const cleaned = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(cleaned)) return null;
  const totp = totpFor(OTPAuth.Secret.fromBase32(base32), "check");
  const delta = totp.validate({ token: cleaned, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function acceptedStepSealed(sealed: Uint8Array, code: string, lastStep: number | null, now = Date.now()) {
  return acceptedStep(openSecret(sealed), code, lastStep, now);
}

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Ten new recovery codes (replacing any old ones); the plain codes are shown once and never stored. */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(8).toString("hex"); // 64 bits each
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashCode(code) })) });
  return codes;
}

/** Uses up a recovery code if it is one of the user's unused ones. */
export async function useRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  const used = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1;
}

/** A code from the app looks like six digits; anything else typed in the same box is tried as a recovery code. */
export function looksLikeTotp(code: string) {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

/** The secret being set up (not yet confirmed) as text and a QR code, for the enrolment page. */
export async function enrolmentFor(sealed: Uint8Array, label: string) {
  const base32 = openSecret(sealed);
  const uri = totpFor(OTPAuth.Secret.fromBase32(base32), label).toString();
  return { base32, svg: await qrSvg(uri) };
}
