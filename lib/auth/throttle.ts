import "server-only";
// Slows down password guessing. Failures are counted per e-mail address
// typed (hashed, and whether or not an account has it, so a lockout says
// nothing about which addresses exist) and per IP address:
// - an address is refused for 1 minute after 5 failures in a row, then for
//   twice as long after each further failure, up to an hour;
// - an IP address is refused for 15 minutes after 20 failures in 15 minutes.
// A successful sign-in clears the address's count (not the IP's).
// Rows left from a day ago with no block in force are pruned as failures
// come in, so guessing at random addresses cannot grow the table for ever.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_MAX_BLOCK_MINUTES = 60;
const IP_FAILURES = 20;
const IP_WINDOW_MINUTES = 15;

export function accountKey(email: string) {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export function ipKey(ip: string) {
  return `ip:${ip}`;
}

/** When the later of these keys' blocks ends, or null if neither is blocked. */
export async function blockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  const ends = rows.map((r) => r.blockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Counts a failure for an e-mail address, atomically, and blocks it once past the free failures. */
export async function recordAccountFailure(key: string) {
  await db.$executeRaw`
    insert into "SignInThrottle" (key, failures, "windowStart") values (${key}, 1, now())
    on conflict (key) do update set failures = "SignInThrottle".failures + 1`;
  await db.$executeRaw`
    update "SignInThrottle"
       set "blockedUntil" = now() + least(power(2, failures - ${ACCOUNT_FREE_FAILURES}), ${ACCOUNT_MAX_BLOCK_MINUTES}) * interval '1 minute'
     where key = ${key} and failures >= ${ACCOUNT_FREE_FAILURES}`;
}

/** Adds one to a key's count in the current window (a window older than IP_WINDOW_MINUTES starts again at 1); returns the count. */
async function countInWindow(key: string): Promise<number> {
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    insert into "SignInThrottle" (key, failures, "windowStart") values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when "SignInThrottle"."windowStart" < now() - ${IP_WINDOW_MINUTES} * interval '1 minute' then 1 else "SignInThrottle".failures + 1 end,
      "windowStart" = case when "SignInThrottle"."windowStart" < now() - ${IP_WINDOW_MINUTES} * interval '1 minute' then now() else "SignInThrottle"."windowStart" end
    returning failures`;
  return row.failures;
}

/** Counts a failure from an IP address within a rolling window, and blocks the address past the limit. */
export async function recordIpFailure(key: string) {
  await pruneThrottle();
  if ((await countInWindow(key)) >= IP_FAILURES) {
    await db.$executeRaw`
      update "SignInThrottle" set "blockedUntil" = now() + ${IP_WINDOW_MINUTES} * interval '1 minute'
       where key = ${key} and ("blockedUntil" is null or "blockedUntil" < now())`;
  }
}

/**
 * Counts one more attempt of a kind (refused while blocked, or for an
 * address with no account) from an IP in the current window, and returns
 * how many that makes. The caller audits only the 1st, 2nd, 4th, 8th, …: a
 * flood from one address becomes a handful of rows that say how big it was.
 */
export async function countAttempt(kind: "blocked" | "unknown-account", ip: string | null): Promise<number> {
  return ip ? countInWindow(`attempts:${kind}:${ip}`) : 1;
}

/** Whether the nth attempt of a flood gets an audit row (1, 2, 4, 8, …). */
export function auditsAttempt(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** Deletes rows whose window ended a day ago and that block nothing. */
export async function pruneThrottle() {
  await db.$executeRaw`
    delete from "SignInThrottle"
     where "windowStart" < now() - interval '1 day' and ("blockedUntil" is null or "blockedUntil" < now())`;
}

export async function clearFailures(key: string) {
  await db.signInThrottle.deleteMany({ where: { key } });
}
