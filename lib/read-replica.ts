import "server-only";
// Heavy reads (the dashboard's figures, the monthly report, the figures
// export, a supervisor's case list) may go to a read replica: DATABASE_REPLICA_URLS, one or more
// streaming replicas of DATABASE_URL, routed by Prisma's read-replicas
// extension. Everything else (writes, sessions, the case file, anything
// checked before a change) stays on the primary, through lib/db.
//
// A user never misses their own write because a replica lags: after a
// change, the primary's WAL position is kept in a cookie, and a heavy read
// goes to a replica only once that replica has replayed past it. A replica
// that cannot answer is passed over for the primary, never an error.
import { cookies } from "next/headers";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient, type Db } from "./prisma-client";
import { db } from "./db";
import { teamColumnScope, type Actor } from "./policy";

export const WRITTEN_COOKIE = "waypoint-written";
/** Longer than any lag worth waiting out: after this the replica is trusted again. */
const WRITTEN_MAX_AGE_S = 600;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;

export function replicaUrls(value = process.env.DATABASE_REPLICA_URLS): string[] {
  return (value ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

type Replicated = { $replica: () => Db };
const globalForReplicas = globalThis as unknown as { waypointReplicas?: Replicated | null };

function replicated(): Replicated | null {
  if (globalForReplicas.waypointReplicas === undefined) {
    const urls = replicaUrls();
    globalForReplicas.waypointReplicas = urls.length
      ? (db.$extends(readReplicas({ replicas: urls.map((url) => createPrismaClient(url, Number(process.env.DATABASE_POOL_SIZE ?? 10))) })) as unknown as Replicated)
      : null;
  }
  return globalForReplicas.waypointReplicas;
}

/**
 * The client for a heavy read of case rows on the actor's behalf: a replica
 * only for an actor whose scope is whole teams (a supervisor's). Anyone
 * else's scope rests on grants, assignments and memberships that others
 * change, and a revoked grant must end access at once, not once a replica
 * has caught up: those reads stay on the primary.
 */
export async function readDbFor(actor: Actor): Promise<Db> {
  return teamColumnScope(actor) ? readDb() : db;
}

/** The client for a heavy read: a replica that has caught up with this user's last change, or the primary. */
export async function readDb(): Promise<Db> {
  const replicas = replicated();
  if (!replicas) return db;
  const written = (await cookies()).get(WRITTEN_COOKIE)?.value;
  // "primary": a change still running when the answer began (an import); anything else unknown too.
  if (written !== undefined && !LSN.test(written)) return db;
  const replica = replicas.$replica();
  try {
    // On a replica, pg_last_wal_replay_lsn() is how far it has applied the primary's changes.
    // Without a change to wait for, the query still shows the replica answers.
    const [{ ready }] = written
      ? await replica.$queryRaw<{ ready: boolean }[]>`select coalesce(pg_last_wal_replay_lsn() >= ${written}::pg_lsn, false) as ready`
      : await replica.$queryRaw<{ ready: boolean }[]>`select true as ready`;
    return ready ? replica : db;
  } catch {
    return db;
  }
}

/**
 * After a change has committed: remembers where the primary's log stands,
 * so this user's next heavy reads wait for a replica to pass it. Called by
 * the command pipeline and the JSON API's writes; nothing without replicas.
 * `stillRunning`: for a change whose answer starts before it ends (an import
 * streams its progress), heavy reads stay on the primary for the cookie's life.
 */
export async function rememberWrite(options: { stillRunning?: boolean } = {}): Promise<void> {
  if (!replicated()) return;
  const position = options.stillRunning ? "primary" : (await db.$queryRaw<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0].lsn;
  // A position in the log, nothing about what was written.
  (await cookies()).set(WRITTEN_COOKIE, position, { httpOnly: true, sameSite: "lax", path: "/", maxAge: WRITTEN_MAX_AGE_S });
}
