// What a new password must be: at least 12 characters, not one of the
// common passwords shipped in common-passwords.txt (also with digits or
// symbols added at the end, or with its letters in another case), not mostly
// one repeated character, and not the account's own e-mail or name. Length
// beats complexity rules (NIST SP 800-63B), so there are no "one capital,
// one digit" rules.
import fs from "node:fs";
import path from "node:path";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

export type PasswordProblem = "passwordTooShort" | "passwordTooLong" | "passwordCommon" | "passwordRepetitive" | "passwordPersonal";

/** The first problem with a proposed password, or null if it may be used. Problems are message keys under `errors`. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "passwordTooShort";
  if (length > MAX_PASSWORD_LENGTH) return "passwordTooLong";
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 6 && list.has(stem))) return "passwordCommon";
  if (new Set(lower).size <= 3) return "passwordRepetitive";
  const personal = [account.email?.split("@")[0], ...(account.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase() ?? "")
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) return "passwordPersonal";
  return null;
}
