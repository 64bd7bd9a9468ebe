import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import autocannon from "autocannon";
import { DEMO_PASSWORD, ownAccount, sessionCookieFor, sql, sqlOn } from "../e2e/helpers";
import { newCase } from "../e2e/data";

// Two app servers (A and B) on one PostgreSQL primary with a streaming
// replica, started by scripts/cluster.ts. Both hostnames are localhost, so
// a browser sends the same cookies to either, as it would through a load
// balancer in front of several servers.
const A = process.env.SERVER_A!;
const B = process.env.SERVER_B!;
const RESULTS = process.env.CLUSTER_RESULTS!;

const replicaSql = <T>(text: string, values: unknown[] = []) => sqlOn<T>(process.env.REPLICA_URL!, text, values);

/** Waits until the replica has applied everything the primary has written so far. */
async function replicaCaughtUp() {
  const [{ lsn }] = await sql<{ lsn: string }>(`select pg_current_wal_lsn()::text as lsn`);
  await expect.poll(async () => (await replicaSql<{ ok: boolean }>(`select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok`, [lsn]))[0].ok, { timeout: 20_000 }).toBe(true);
}

async function signInThroughForm(page: Page, server: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${server}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a session made on server A works on server B, and signing out on B ends it on A", async ({ page }) => {
  const email = await ownAccount("CASEWORKER");
  const [{ name }] = await sql<{ name: string }>(`select name from "User" where email = $1`, [email]);
  await signInThroughForm(page, A, email);
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
  await page.goto(`${B}/account`);
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${A}/account`);
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in lockout counts the failures made on both servers", async ({ page }) => {
  const email = await ownAccount("CASEWORKER");
  // Five wrong passwords, alternately on A and B: neither server alone saw five.
  for (const server of [A, B, A, B, A]) {
    await signInThroughForm(page, server, email, "not-the-password");
    await expect(page.getByText("The e-mail or password is incorrect.")).toBeVisible();
  }
  // The right password, on B, is refused: the address is locked for every server.
  await signInThroughForm(page, B, email);
  await expect(page.getByText("Too many failed attempts. Wait a few minutes, then try again.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a document uploaded through A downloads through B, byte for byte, and lives in the database", async ({ page }) => {
  const { code, personIds } = await newCase();
  const { cookie } = await sessionCookieFor("caseworker");
  const split = cookie.indexOf("=");
  await page.context().addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: A, httpOnly: true, sameSite: "Lax" }]);
  await page.goto(`${A}/cases/${code}/documents`);
  const form = page.getByRole("form", { name: "Upload a document" });
  const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n% passport of ${code}\n`), crypto.randomBytes(1_500_000), Buffer.from("\n%%EOF\n")]);
  await form.getByLabel("File").setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByLabel("Document type").selectOption("PASSPORT");
  if (await form.getByLabel("Person").count()) await form.getByLabel("Person").selectOption(personIds[0]);
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Document uploaded.")).toBeVisible();
  const [stored] = await sql<{ id: string; storageKey: string }>(`select d.id, d."storageKey" from "Document" d join "Case" c on c.id = d."caseId" where c.code = $1`, [code]);
  const downloaded = await page.request.get(`${B}/api/documents/${stored.id}`);
  expect(downloaded.status()).toBe(200);
  expect(Buffer.compare(await downloaded.body(), pdf)).toBe(0);
  // Sealed, in two parts of the FileChunk table, and nowhere readable.
  const parts = await sql<{ bytes: Buffer }>(`select bytes from "FileChunk" where key = $1::uuid order by part`, [stored.storageKey]);
  expect(parts).toHaveLength(2);
  expect(Buffer.concat(parts.map((p) => p.bytes)).includes(Buffer.from(`passport of ${code}`))).toBe(false);
});

test("a supervisor's list comes from the replica, yet never misses the supervisor's own change while the replica lags", async ({ browser }) => {
  const writerEmail = await ownAccount("SUPERVISOR");
  const readerEmail = await ownAccount("SUPERVISOR");
  const household = await newCase();
  await replicaCaughtUp();
  const writer = await (await browser.newContext()).newPage();
  const reader = await (await browser.newContext()).newPage();
  await signInThroughForm(writer, B, writerEmail);
  await signInThroughForm(reader, A, readerEmail);
  await replicaCaughtUp();
  const renamed = `Renamed ${crypto.randomBytes(3).toString("hex")}`;
  // The replica stops applying the primary's changes: from now on it lags.
  await replicaSql(`select pg_wal_replay_pause()`);
  try {
    await writer.goto(`${B}/cases/${household.code}/people/${household.personIds[0]}/edit`);
    await writer.getByLabel("Name (Latin script)", { exact: true }).fill(renamed);
    await writer.getByRole("button", { name: "Save changes" }).first().click();
    await expect(writer).toHaveURL(new RegExp(`/cases/${household.code}$`));
    const listed = (page: Page, server: string) => page.goto(`${server}/cases?q=${household.code}`).then(() => page.getByTestId("case-row"));
    // The writer, on either server, sees the change: their reads wait for a replica that has it, or use the primary.
    await expect(await listed(writer, A)).toContainText(renamed);
    await expect(await listed(writer, B)).toContainText(renamed);
    // Another supervisor, who changed nothing, reads the replica, which has not applied it yet.
    await expect(await listed(reader, A)).toContainText(household.name);
    await expect(await listed(reader, A)).not.toContainText(renamed);
  } finally {
    await replicaSql(`select pg_wal_replay_resume()`);
  }
  await replicaCaughtUp();
  await expect(await reader.goto(`${A}/cases?q=${household.code}`).then(() => reader.getByTestId("case-row"))).toContainText(renamed);
});

test("under load on both servers, kill -9 of one loses no acknowledged write, and the other keeps serving", async () => {
  const { code } = await newCase();
  const { cookie } = await sessionCookieFor("caseworker");
  type Acknowledged = { id: string; body: string; server: string; at: number };
  const acknowledged: Acknowledged[] = [];
  let refused = 0;
  let killedAt = Number.POSITIVE_INFINITY;
  const until = Date.now() + 7_000;
  const writer = async (server: string, n: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const body = `load ${n}-${i} ${crypto.randomUUID()}`;
      try {
        const response = await fetch(`${server}/api/cases/${code}/notes`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json", origin: server },
          body: JSON.stringify({ kind: "CALL", body, idempotencyKey: crypto.randomUUID() }),
        });
        if (response.status === 201) acknowledged.push({ id: ((await response.json()) as { id: string }).id, body, server, at: Date.now() });
        else refused++;
      } catch {
        // The connection was cut (the killed server): nothing was acknowledged.
        refused++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const pidFile = path.join(RESULTS, "server-a.pid");
  const killer = new Promise<void>((resolve) =>
    setTimeout(() => {
      killedAt = Date.now();
      process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGKILL");
      resolve();
    }, 2_500),
  );
  await Promise.all([...[0, 1, 2, 3].map((n) => writer(A, n)), ...[4, 5, 6, 7].map((n) => writer(B, n)), killer]);

  const fromA = acknowledged.filter((a) => a.server === A);
  const fromBAfterKill = acknowledged.filter((a) => a.server === B && a.at > killedAt + 500);
  console.log(`kill -9 under load: ${acknowledged.length} notes acknowledged (${fromA.length} by A before it died, ${fromBAfterKill.length} by B after), ${refused} not acknowledged`);
  expect(fromA.length).toBeGreaterThan(0);
  expect(fromBAfterKill.length).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
  // Every acknowledged note is in the database, exactly as acknowledged.
  const saved = await sql<{ id: string; body: string }>(`select id::text, body from "Note" where id = any($1::uuid[])`, [acknowledged.map((a) => a.id)]);
  const byId = new Map(saved.map((row) => [row.id, row.body]));
  expect(acknowledged.filter((a) => byId.get(a.id) !== a.body)).toEqual([]);

  // A comes back, and serves the same data.
  const { command, env } = JSON.parse(process.env.CLUSTER_SERVER_COMMAND!) as { command: [string, string[]]; env: NodeJS.ProcessEnv };
  const log = fs.openSync(path.join(RESULTS, "server-a.log"), "a");
  const restarted = spawn(command[0], command[1], { env, stdio: ["ignore", log, log], detached: true });
  fs.writeFileSync(pidFile, String(restarted.pid));
  restarted.unref();
  await expect.poll(() => fetch(`${A}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
});

test("the nightly retention run and the e-mail outbox each happen once, with both servers looking", async () => {
  // Ten messages in the outbox, as notify() writes them; both servers' workers send every half minute.
  const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [await ownAccount("SUPERVISOR")]);
  const { id: caseId } = await newCase();
  const queued = await sql<{ id: string }>(
    `insert into "OutboxMessage" (id, "userId", kind, "caseId") select gen_random_uuid(), $1, 'incident', $2 from generate_series(1, 10) returning id::text`,
    [user.id, caseId],
  );
  await expect
    .poll(async () => (await sql<{ n: number }>(`select count(*)::int as n from "OutboxMessage" where id = any($1::uuid[]) and status = 'SENT'`, [queued.map((q) => q.id)]))[0].n, {
      timeout: 90_000,
      intervals: [1_000],
    })
    .toBe(10);
  const received = fs
    .readFileSync(path.join(RESULTS, "mail.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { messageId: string });
  for (const { id } of queued) expect(received.filter((mail) => mail.messageId === `<${id}@waypoint>`)).toHaveLength(1);

  // Each server first looks for the retention run a minute after it starts, then every quarter hour.
  const lookedBy = Number(process.env.CLUSTER_STARTED_AT) + 75_000;
  if (Date.now() < lookedBy) await new Promise((resolve) => setTimeout(resolve, lookedBy - Date.now()));
  await expect.poll(async () => (await sql<{ n: number }>(`select count(*)::int as n from "RetentionRun" where day is not null`))[0].n, { timeout: 30_000 }).toBeGreaterThan(0);
  const runs = await sql<{ day: string; status: string }>(`select day::text, status from "RetentionRun" where day is not null`);
  expect(runs).toHaveLength(1);
});

test("one import sent to both servers at once is imported once", async () => {
  const tag = crypto.randomBytes(3).toString("hex");
  const supervisorEmail = await ownAccount("SUPERVISOR");
  const [supervisor] = await sql<{ id: string; teamId: string }>(`select id, "teamId" from "User" where email = $1`, [supervisorEmail]);
  const rows = Array.from({ length: 40 }, (_, i) => [`Import ${tag} ${String(i).padStart(2, "0")}`, "VN", String(1960 + i)]);
  const [batch] = await sql<{ id: string }>(
    `insert into "ImportBatch" (id, "teamId", source, "fileName", "table", "rowsTotal", "createdById") values (gen_random_uuid(), $1, $2, 'register.csv', $3::jsonb, $4, $5) returning id`,
    [supervisor.teamId, `register ${tag}`, JSON.stringify({ headers: ["Name", "Nationality", "Born"], rows }), rows.length, supervisor.id],
  );
  const { cookie } = await sessionCookieFor({ email: supervisorEmail });
  const run = (server: string) =>
    fetch(`${server}/api/imports/${batch.id}/run`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: server },
      body: JSON.stringify({ mapping: { latinName: "Name", nationality: "Nationality", dateOfBirth: "Born" }, mode: "valid", skipDuplicates: false }),
    }).then(async (response) => ({ status: response.status, lines: (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) }));
  const answers = await Promise.all([run(A), run(B)]);
  const outcomes = answers.map((answer) => answer.lines.at(-1)!);
  // One server imported the rows; the other found the batch taken and said so, having written nothing.
  expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(["alreadyImported", "imported"]);
  expect(outcomes.filter((outcome) => outcome.outcome === "imported")[0].imported).toBe(40);
  const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from "Case" where "principalName" like $1`, [`Import ${tag} %`]);
  expect(n).toBe(40);
  const [{ status }] = await sql<{ status: string }>(`select status::text from "ImportBatch" where id = $1`, [batch.id]);
  expect(status).toBe("IMPORTED");
});

test("throughput: one server against two, on the same signed-in page", async () => {
  const { cookie } = await sessionCookieFor("caseworker");
  const measure = (server: string, connections: number) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: `${server}/account`, connections, duration: 8, headers: { cookie } }, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const one = await measure(A, 10);
  const [first, second] = await Promise.all([measure(A, 5), measure(B, 5)]);
  const figures = {
    oneServer: { requestsPerSecond: one.requests.average, p50: one.latency.p50, p97_5: one.latency.p97_5, errors: one.errors + one.non2xx },
    twoServers: {
      requestsPerSecond: first.requests.average + second.requests.average,
      p50: Math.max(first.latency.p50, second.latency.p50),
      p97_5: Math.max(first.latency.p97_5, second.latency.p97_5),
      errors: first.errors + first.non2xx + second.errors + second.non2xx,
    },
  };
  fs.writeFileSync(path.join(RESULTS, "throughput.json"), JSON.stringify(figures, null, 2));
  console.log(
    `throughput of /account, 10 connections: one server ${figures.oneServer.requestsPerSecond.toFixed(1)} req/s (p50 ${figures.oneServer.p50} ms), two servers ${figures.twoServers.requestsPerSecond.toFixed(1)} req/s (p50 ${figures.twoServers.p50} ms)`,
  );
  expect(figures.oneServer.errors).toBe(0);
  expect(figures.twoServers.errors).toBe(0);
  expect(one.requests.total).toBeGreaterThan(0);
  expect(first.requests.total).toBeGreaterThan(0);
  expect(second.requests.total).toBeGreaterThan(0);
});
