// `npm run test:cluster`: Waypoint as several machines would run it, on one.
//   - PostgreSQL 15 from Debian (not the embedded one): a primary, and a
//     streaming replica made from it with pg_basebackup;
//   - two app servers (scripts/serve.ts, the production build) on their own
//     ports, sharing nothing but the database: documents in PostgreSQL,
//     sessions and sign-in throttling in PostgreSQL, heavy reads from the
//     replica (DATABASE_REPLICA_URLS), background jobs running on both;
//   - a real SMTP server for the e-mail outbox.
// Then the journeys in cluster/ (Playwright) check what must hold across
// servers, and the throughput of one server against two is printed.
// Ends with one line: `tests: N passed, N failed`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { APP_ROLE, grantAppAccess } from "./database";
import { migrate } from "./migrate";
import { seedDemoData } from "./seed";
import { ROOT, serverCommand, waitForHealth } from "./environment";
import { ensurePrerequisites, type Prerequisite } from "./prerequisites";
import { startSmtpServer } from "../tests/smtp";
import { printResult, playwrightCounts, type Counts } from "./test-report";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const PRIMARY_PORT = Number(process.env.CLUSTER_PG_PORT ?? 5460);
const REPLICA_PORT = PRIMARY_PORT + 1;
const SERVER_PORTS = [Number(process.env.CLUSTER_PORT ?? 3300), Number(process.env.CLUSTER_PORT ?? 3300) + 1];
const RESULTS = path.join(ROOT, "test-results", "cluster");
const OWNER = "waypoint";
const APP_PASSWORD = crypto.randomBytes(18).toString("base64url");

const CLUSTER_PREREQUISITES: Prerequisite[] = [
  { command: `${PG_BIN}/pg_basebackup`, debianPackage: "postgresql-15", why: "the multi-server test runs a PostgreSQL primary and a streaming replica" },
  { command: "chromium", debianPackage: "chromium", why: "the multi-server journeys drive a real browser" },
];

// PostgreSQL will not run as root: as root, its commands run as Debian's `postgres` user.
const asRoot = process.getuid?.() === 0;
function pgCommand(command: string, args: string[], options: { allowFailure?: boolean } = {}) {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", `${PG_BIN}/${command}`, ...args]] : [`${PG_BIN}/${command}`, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  return result;
}

const url = (port: number, user: string, password?: string, database = "waypoint") =>
  `postgresql://${user}${password ? `:${encodeURIComponent(password)}` : ""}@127.0.0.1:${port}/${database}`;

async function query(connectionString: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A primary and its streaming replica, in a folder the postgres user may enter. */
async function startDatabases(work: string) {
  const primary = path.join(work, "primary");
  const replica = path.join(work, "replica");
  fs.mkdirSync(primary, { mode: 0o700 });
  if (asRoot) spawnSync("chown", ["-R", "postgres:postgres", work]);
  // Trust on 127.0.0.1 only: this cluster lives for one test run. The owner
  // is a superuser (migrations, replication, pausing the replica's replay);
  // the app servers connect as the app role with a password, as in production.
  pgCommand("initdb", ["-D", primary, "-U", OWNER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  fs.appendFileSync(
    path.join(primary, "postgresql.conf"),
    [`port = ${PRIMARY_PORT}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${work}'`, "wal_level = replica", "max_wal_senders = 4", "hot_standby = on", "fsync = on", "synchronous_commit = on"].join("\n") + "\n",
  );
  pgCommand("pg_ctl", ["-D", primary, "-l", path.join(work, "primary.log"), "-w", "start"]);
  await query(url(PRIMARY_PORT, OWNER, undefined, "postgres"), `create database waypoint`);
  await query(url(PRIMARY_PORT, OWNER, undefined, "postgres"), `create role ${APP_ROLE} login password '${APP_PASSWORD}'`);
  const ownerUrl = url(PRIMARY_PORT, OWNER);
  await migrate(ownerUrl);
  await grantAppAccess(ownerUrl, APP_ROLE);
  // The replica: a copy of the running primary that then follows its log (-R writes the standby settings).
  pgCommand("pg_basebackup", ["-h", "127.0.0.1", "-p", String(PRIMARY_PORT), "-U", OWNER, "-D", replica, "-R", "-X", "stream", "--checkpoint=fast"]);
  fs.appendFileSync(path.join(replica, "postgresql.conf"), `port = ${REPLICA_PORT}\n`);
  pgCommand("pg_ctl", ["-D", replica, "-l", path.join(work, "replica.log"), "-w", "start"]);
  const [{ inRecovery }] = await query(url(REPLICA_PORT, OWNER), `select pg_is_in_recovery() as "inRecovery"`);
  if (!inRecovery) throw new Error("the replica is not in recovery: it is not following the primary");
  return {
    ownerUrl,
    replicaOwnerUrl: url(REPLICA_PORT, OWNER),
    appUrl: url(PRIMARY_PORT, APP_ROLE, APP_PASSWORD),
    replicaAppUrl: url(REPLICA_PORT, APP_ROLE, APP_PASSWORD),
    stop: () => {
      for (const dir of [replica, primary]) pgCommand("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"], { allowFailure: true });
    },
  };
}

async function main() {
  const missing = ensurePrerequisites(console.log, CLUSTER_PREREQUISITES);
  if (missing) throw new Error(missing);
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")) || process.env.CLUSTER_BUILD === "1") {
    if (spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } }).status !== 0) throw new Error("next build failed");
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-cluster-"));
  fs.chmodSync(work, 0o755);
  const databases = await startDatabases(work);
  const mailFile = path.join(RESULTS, "mail.jsonl");
  fs.writeFileSync(mailFile, "");
  // The SMTP server the outbox sends to: every message, one JSON line each, in a file the journeys read.
  const smtp = await startSmtpServer({ onMail: (mail) => fs.appendFileSync(mailFile, JSON.stringify({ to: mail.to, messageId: mail.messageId }) + "\n") });
  const servers: (ChildProcess | null)[] = [null, null];
  let counts: Counts = { passed: 0, failed: 1, failures: ["the journeys did not run"] };
  try {
    await seedDemoData(databases.ownerUrl, () => {});
    const secret = crypto.randomBytes(33).toString("base64");
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: databases.appUrl,
      DATABASE_REPLICA_URLS: databases.replicaAppUrl,
      AUTH_SECRET: secret,
      FILE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      FILE_STORE: "postgres",
      // One process per server, so that killing a server is killing one process.
      WAYPOINT_WORKERS: "1",
      // The jobs run on both servers, and must happen once: the nightly retention run is due at once.
      RETENTION_RUN_FROM: "00:00",
      SMTP_URL: smtp.url,
      WAYPOINT_URL: `http://localhost:${SERVER_PORTS[0]}`,
    };
    const start = (index: number) => {
      const log = fs.openSync(path.join(RESULTS, `server-${"ab"[index]}.log`), "a");
      servers[index] = spawn(...serverCommand(SERVER_PORTS[index]), { cwd: ROOT, env, stdio: ["ignore", log, log], detached: true });
      fs.writeFileSync(path.join(RESULTS, `server-${"ab"[index]}.pid`), String(servers[index]!.pid));
    };
    start(0);
    start(1);
    await Promise.all(SERVER_PORTS.map((port) => waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000)));
    const startedAt = Date.now();
    const report = path.join(RESULTS, "playwright.json");
    // Not spawnSync: this process's SMTP server must keep answering while the journeys run.
    const journeys = spawn("npx", ["playwright", "test", "-c", "playwright.cluster.config.ts", ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: databases.ownerUrl,
        REPLICA_URL: databases.replicaOwnerUrl,
        SERVER_A: `http://localhost:${SERVER_PORTS[0]}`,
        SERVER_B: `http://localhost:${SERVER_PORTS[1]}`,
        BASE_URL: `http://localhost:${SERVER_PORTS[0]}`,
        AUTH_SECRET: secret,
        CLUSTER_RESULTS: RESULTS,
        CLUSTER_STARTED_AT: String(startedAt),
        // How the journeys restart a server they killed: the same command and environment.
        CLUSTER_SERVER_COMMAND: JSON.stringify({ command: serverCommand(SERVER_PORTS[0]), env }),
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
    });
    await new Promise((resolve) => journeys.on("exit", resolve));
    counts = playwrightCounts(report);
  } finally {
    for (const file of ["server-a.pid", "server-b.pid"]) {
      const pid = Number(fs.existsSync(path.join(RESULTS, file)) ? fs.readFileSync(path.join(RESULTS, file), "utf8") : 0);
      try {
        if (pid) process.kill(-pid, "SIGTERM");
      } catch {
        // already stopped
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await smtp.close();
    databases.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`cluster: ${counts.passed} passed, ${counts.failed} failed`);
  printResult(counts);
  process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
});
