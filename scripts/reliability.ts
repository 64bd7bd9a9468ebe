// Reliability checks that need a real server process to start, stop and
// crash, run by `npm test` after the end-to-end tests against the same
// production build and database (all on localhost, bounded in time):
//
// - graceful stop: SIGTERM during a burst of writes; every write that was
//   sent gets its answer and is stored whole;
// - crash: SIGKILL during a burst of writes; after a restart, every stored
//   note has its audit row, and every acknowledged write is there;
// - load: 50 signed-in users for 60 s (RELIABILITY_LOAD_SECONDS) mixing
//   reads and writes: no 5xx, no lost write, p95 reported.
//
// Each check prints one line and counts as one passed or failed test.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import autocannon from "autocannon";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { serverCommand } from "./environment";

type Check = { name: string; ok: boolean; detail: string };
export type ReliabilityOptions = { url: string; port: number; env: NodeJS.ProcessEnv; root: string; secret: string };

const LOAD_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const USERS = 50;

async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A signed-in session made the way a sign-in makes it: a Session row, and the encrypted JWT naming it. */
/** Calls a server action as a browser form does (its id from the build's manifest); returns the HTTP status. */
async function callServerAction(options: ReliabilityOptions, name: string, page: string, cookie: string): Promise<number> {
  const manifest = JSON.parse(fs.readFileSync(path.join(options.root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  if (!id) throw new Error(`server action ${name} is not in the build`);
  const body = new FormData();
  body.set("0", "[]");
  const response = await fetch(`http://127.0.0.1:${options.port}${page}`, { method: "POST", headers: { cookie, "Next-Action": id, Accept: "text/x-component" }, body, redirect: "manual" });
  return response.status;
}

export async function sessionCookie(url: string, userId: string, secret: string) {
  const [{ id }] = await query<{ id: string }>(url, `insert into "Session" (id, "userId") values (gen_random_uuid(), $1) returning id`, [userId]);
  const token = await encode({ token: { sub: userId, sid: id }, secret, salt: "authjs.session-token", maxAge: 3600 });
  return `authjs.session-token=${token}`;
}

function startServer(options: ReliabilityOptions): ChildProcess {
  return spawn(...serverCommand(options.port), {
    cwd: options.root,
    env: { ...options.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const healthy = (port: number) => () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok);
const exited = (server: ChildProcess) => new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.once("exit", (code) => resolve(code))));

/**
 * Posts a note on a new connection (no keep-alive: a pooled socket to a
 * server that has since stopped would fail for the wrong reason); resolves
 * with the HTTP status, or 0 when no answer came.
 */
function postNote(port: number, cookie: string, code: string, body: string): Promise<{ status: number; id: string | null }> {
  const payload = JSON.stringify({ kind: "CALL", body, confidential: false });
  return new Promise((resolve) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: `/api/cases/${code}/notes`, method: "POST", agent: false, headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, id: response.statusCode === 201 ? (JSON.parse(text) as { id: string }).id : null }));
        response.on("error", () => resolve({ status: 0, id: null }));
      },
    );
    request.on("error", () => resolve({ status: 0, id: null }));
    request.end(payload);
  });
}

/** Notes whose body starts with `tag`, and how many have exactly one note.create audit row. */
async function storedNotes(url: string, tag: string) {
  const [row] = await query<{ notes: string; whole: string }>(
    url,
    `select count(*) as notes,
            count(*) filter (where (select count(*) from "AuditLog" a where a.action = 'note.create' and a."entityId" = n.id::text) = 1) as whole
     from "Note" n where n.body like $1`,
    [`${tag}%`],
  );
  return { notes: Number(row.notes), whole: Number(row.whole) };
}

/** "201×40 0×20": how many answers of each status (0: no answer, the connection failed). */
function statuses(results: { status: number }[]) {
  const counts = new Map<number, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status}×${n}`).join(" ");
}

/**
 * Sends `count` writes 10 ms apart after a few sequential ones (so the server
 * is warm and answering), and interrupts the server halfway through.
 */
async function writeBurst(options: ReliabilityOptions, cookie: string, code: string, tag: string, count: number, interrupt: () => void) {
  for (let i = 0; i < 3; i++) await postNote(options.port, cookie, code, `${tag} warm-up ${i}`);
  const results: Promise<{ status: number; id: string | null }>[] = [];
  for (let i = 0; i < count; i++) {
    results.push(postNote(options.port, cookie, code, `${tag} write ${i}`));
    if (i === Math.floor(count / 2)) interrupt();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Promise.all(results);
}

export async function runReliability(server: ChildProcess, options: ReliabilityOptions): Promise<{ checks: Check[]; server: ChildProcess }> {
  const checks: Check[] = [];
  const [caseworker] = await query<{ id: string }>(options.url, `select id from "User" where email = 'caseworker@demo.waypoint.test'`);
  const [target] = await query<{ code: string }>(options.url, `select c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Bangkok' and c.sensitivity = 'STANDARD' order by c.code limit 1`);
  const cookie = await sessionCookie(options.url, caseworker.id, options.secret);

  // 1. Graceful stop: every write sent before SIGTERM is answered and stored whole.
  {
    const tag = `graceful-${crypto.randomUUID()}`;
    const stopped = exited(server);
    const results = await writeBurst(options, cookie, target.code, tag, 60, () => server.pid && process.kill(-server.pid, "SIGTERM"));
    const exitCode = await stopped;
    const answered = results.filter((r) => r.status === 201).length + 3; // and the warm-up writes
    const stored = await storedNotes(options.url, tag);
    // Every write the server took in was finished and answered: none stored unanswered, none half-stored.
    const ok = stored.notes === stored.whole && stored.notes === answered && answered > 0 && exitCode === 0;
    checks.push({ name: "graceful stop during writes", ok, detail: `${answered} of 63 answered 201 (${statuses(results)}), ${stored.notes} stored, ${stored.whole} with their audit row, exit code ${exitCode}` });
    server = startServer(options);
    await waitUntil(healthy(options.port), 60_000);
  }

  // 2. Crash: SIGKILL mid-burst; after a restart every stored write is whole and every acknowledged one is there.
  {
    const tag = `crash-${crypto.randomUUID()}`;
    const crashed = exited(server);
    const results = await writeBurst(options, cookie, target.code, tag, 90, () => server.pid && process.kill(-server.pid, "SIGKILL"));
    await crashed;
    server = startServer(options);
    const up = await waitUntil(healthy(options.port), 60_000);
    const acknowledged = results.filter((r) => r.id).map((r) => r.id!); // (the warm-up writes are checked as stored notes)
    const stored = await storedNotes(options.url, tag);
    const found = acknowledged.length ? (await query<{ n: string }>(options.url, `select count(*) as n from "Note" where id = any($1::uuid[])`, [acknowledged]))[0].n : "0";
    const ok = up && acknowledged.length > 0 && stored.notes === stored.whole && Number(found) === acknowledged.length;
    checks.push({ name: "crash (SIGKILL) during writes", ok, detail: `${acknowledged.length} acknowledged (${statuses(results)}), ${found} of them found; ${stored.notes} stored, ${stored.whole} with their audit row; restarted: ${up}` });
  }

  // 3. Load: 50 signed-in users for LOAD_SECONDS, reading lists and case files and adding notes.
  {
    const tag = `load-${crypto.randomUUID()}`;
    await query(options.url, `insert into "User" (id, email, name, "passwordHash", role, "teamId", "updatedAt")
      select gen_random_uuid(), 'load' || g || '-' || $1 || '@test.waypoint.test', 'Load ' || g, 'x', 'CASEWORKER', (select id from "Team" where name = 'Bangkok'), now()
      from generate_series(1, ${USERS}) g`, [tag.slice(5, 13)]);
    const users = await query<{ id: string }>(options.url, `select id from "User" where email like $1`, [`load%-${tag.slice(5, 13)}@test.waypoint.test`]);
    const cookies = await Promise.all(users.map((u) => sessionCookie(options.url, u.id, options.secret)));
    const cases = (await query<{ code: string }>(options.url, `select c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Bangkok' and c.sensitivity <> 'RESTRICTED' order by c.code limit 20`)).map((c) => c.code);
    let acknowledged = 0;
    let serverErrors = 0;
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon({
      url: `http://127.0.0.1:${options.port}`,
      connections: USERS,
      duration: LOAD_SECONDS,
      timeout: 30,
      setupClient: (client: { setHeaders: (headers: Record<string, string>) => void }) => {
        client.setHeaders({ cookie: cookies[next++ % cookies.length], "content-type": "application/json" });
      },
      requests: [
        { method: "GET", path: "/cases" },
        { method: "GET", setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/cases/${cases[Math.floor(Math.random() * cases.length)]}` }) },
        {
          method: "POST",
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            path: `/api/cases/${cases[Math.floor(Math.random() * cases.length)]}/notes`,
            body: JSON.stringify({ kind: "VISIT", body: `${tag} ${crypto.randomUUID()}`, confidential: false }),
          }),
          onResponse: (status: number) => {
            if (status === 201) acknowledged++;
          },
        },
      ],
    } as unknown as autocannon.Options) as unknown as Promise<autocannon.Result> & import("node:events").EventEmitter;
    instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      if (status >= 500) serverErrors++;
    });
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((q / 100) * latencies.length) - 1)] ?? NaN);
    const stored = await storedNotes(options.url, tag);
    const ok = serverErrors === 0 && result.errors === 0 && stored.notes === stored.whole && stored.notes >= acknowledged && acknowledged > 0;
    checks.push({
      name: `load: ${USERS} signed-in users for ${LOAD_SECONDS} s`,
      ok,
      detail: `${result.requests.total} requests (${Math.round(result.requests.average)} req/s), p50 ${p(50)} ms, p95 ${p(95)} ms, ${serverErrors} 5xx, ${result.errors} errors, ${result.timeouts} timeouts; ${acknowledged} notes acknowledged, ${stored.notes} stored, ${stored.whole} with their audit row`,
    });
  }
  // 4. An administrator requires an authenticator app for a role: its members without one can do
  //    nothing but set it up (pages redirect there, APIs refuse) until they have. Run here, after the
  //    browser tests, because the setting applies to everyone at once.
  {
    const [legal] = await query<{ id: string }>(options.url, `select id from "User" where email = 'legal@demo.waypoint.test'`);
    const legalCookie = await sessionCookie(options.url, legal.id, options.secret);
    const get = (pathName: string) => fetch(`http://127.0.0.1:${options.port}${pathName}`, { headers: { cookie: legalCookie }, redirect: "manual" });
    await query(options.url, `insert into "SecuritySetting" (id, "totpRequiredFor", "updatedAt") values (1, '{LEGAL_OFFICER}', now())
      on conflict (id) do update set "totpRequiredFor" = '{LEGAL_OFFICER}'`);
    try {
      const page = await get("/cases");
      const setup = await get("/account/security");
      const api = await postNote(options.port, legalCookie, target.code, "must not be stored");
      const ok = [302, 303, 307].includes(page.status) && (page.headers.get("location") ?? "").includes("/account/security") && setup.status === 200 && api.status === 401;
      checks.push({ name: "authenticator app required for a role", ok, detail: `/cases ${page.status} → ${page.headers.get("location")}, /account/security ${setup.status}, note API ${api.status}` });
      // Security finding 10: signing out while the app is still to be set up must end the session on the server.
      const [session] = await query<{ id: string }>(options.url, `select id from "Session" where "userId" = $1 order by "createdAt" desc limit 1`, [legal.id]);
      const signOut = await callServerAction(options, "signOutAction", "/account/security", legalCookie);
      const [ended] = await query<{ endedAt: Date | null }>(options.url, `select "endedAt" from "Session" where id = $1`, [session.id]);
      checks.push({ name: "signing out before setting up a required authenticator app ends the session", ok: ended.endedAt !== null, detail: `sign-out answered ${signOut}, session ended: ${ended.endedAt !== null}` });
    } finally {
      await query(options.url, `update "SecuritySetting" set "totpRequiredFor" = '{}' where id = 1`);
    }
  }
  return { checks, server };
}
