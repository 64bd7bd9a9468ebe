// `npm test`: the whole suite on a real PostgreSQL (embedded, under
// .data/test-pg) and a real browser (Debian's Chromium):
//   1. unit + integration tests (Vitest) against a fresh migrated database;
//   2. a production build, served by scripts/serve.ts on a fresh database with
//      the demo data, driven by Playwright end-to-end tests.
// Ends with one line: `tests: N passed, N failed`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { APP_ROLE, grantAppAccess, recreateDatabase, startEmbeddedPostgres } from "./database";
import { createPrismaClient } from "../lib/prisma-client";
import { verifyAuditChain } from "../lib/audit-chain";
import { migrate } from "./migrate";
import { runReliability } from "./reliability";
import { seedDemoData } from "./seed";
import { ROOT, serverCommand, waitForHealth } from "./environment";
import { ensurePrerequisites } from "./prerequisites";
import { playwrightCounts, printResult, vitestCounts, type Counts } from "./test-report";

const RESULTS = path.join(ROOT, "test-results");
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const TEST_AUTH_SECRET = "test-secret-not-for-production-0123456789";
// A fresh file key per run; the files themselves are in the test databases (FILE_STORE=postgres).
const TEST_FILE_ENV = {
  FILE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  return result.status ?? 1;
}


/** Requests the server answered with a 5xx, from its JSON request log. */
function serverErrors(logFile: string): string[] {
  if (!fs.existsSync(logFile)) return ["the server wrote no request log"];
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { status?: number; method?: string; path?: string; msg?: string };
        if (entry.msg === "request failed") return [`request failed: ${line.slice(0, 200)}`];
        return (entry.status ?? 0) >= 500 ? [`${entry.method} ${entry.path} answered ${entry.status}`] : [];
      } catch {
        return [];
      }
    });
}

async function main() {
  const missing = ensurePrerequisites();
  if (missing) {
    console.error(missing);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  }
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const cluster = await startEmbeddedPostgres({ dir: path.join(ROOT, ".data/test-pg"), port: Number(process.env.TEST_PG_PORT ?? 5434) });
  const totals = { passed: 0, failed: 0, failures: [] as string[] };
  const add = (counts: Counts, label: string) => {
    console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed`);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.failures.push(...(counts.failures ?? []).map((f) => `${label}: ${f}`));
  };
  try {
    const only = process.argv[2]; // "lint", "unit", "e2e" or "reliability" to run one part
    const filters = process.argv.slice(3); // then file filters for that part, e.g. `e2e dashboard`
    if (only === undefined || only === "lint") {
      // The layers stay visible: app/ never imports the Prisma client or the audit writer (eslint.config.js).
      const status = run("npx", ["eslint", "."], process.env);
      add(status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, failures: ["eslint found layer violations (see above)"] }, "lint");
    }
    if (only === undefined || only === "unit") {
      const unitUrl = cluster.url("waypoint_test");
      await recreateDatabase(unitUrl);
      await migrate(unitUrl);
      await grantAppAccess(unitUrl, APP_ROLE);
      const scratchUrl = cluster.url("waypoint_scratch");
      await recreateDatabase(scratchUrl);
      const report = path.join(RESULTS, "vitest.json");
      run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...filters], {
        ...process.env,
        DATABASE_URL: unitUrl,
        TEST_ADMIN_URL: cluster.url("postgres"),
        // The application's role on the same database, for the tests of what it may not do.
        TEST_APP_DATABASE_URL: cluster.appUrl("waypoint_test"),
        DIFF_DATABASE_URL: scratchUrl,
        AUTH_SECRET: TEST_AUTH_SECRET,
        ...TEST_FILE_ENV,
      });
      add(vitestCounts(report), "unit and integration");
    }
    if (only !== "unit" && only !== "lint") {
      const e2eUrl = cluster.url("waypoint_e2e");
      await recreateDatabase(e2eUrl);
      await migrate(e2eUrl);
      await grantAppAccess(e2eUrl, APP_ROLE);
      await seedDemoData(e2eUrl, () => {});
      // The server connects as the application's role, as an installation does; the tests read and prepare data as the owner.
      const env = { ...process.env, DATABASE_URL: cluster.appUrl("waypoint_e2e"), AUTH_SECRET: TEST_AUTH_SECRET, ...TEST_FILE_ENV, NODE_ENV: "production" as const, RETENTION_SCHEDULE: "off" };
      if (process.env.SKIP_BUILD !== "1" && run("npx", ["next", "build"], env) !== 0) {
        add({ passed: 0, failed: 1, failures: ["next build failed"] }, "build");
      } else {
        // The server's request log (one JSON line per request) is kept to prove afterwards that no request of the
        // end-to-end tests, however malformed, was answered with a 5xx.
        const serverLog = path.join(RESULTS, "server.log");
        let server: ChildProcess = spawn(...serverCommand(E2E_PORT), { cwd: ROOT, env, stdio: ["ignore", fs.openSync(serverLog, "a"), "inherit"], detached: true });
        try {
          await waitForHealth(`http://127.0.0.1:${E2E_PORT}/api/health`, 60_000);
          if (only !== "reliability") {
            const report = path.join(RESULTS, "playwright.json");
            run("npx", ["playwright", "test", ...filters], {
              ...process.env,
              DATABASE_URL: e2eUrl,
              BASE_URL: `http://localhost:${E2E_PORT}`,
              PLAYWRIGHT_JSON_OUTPUT_NAME: report,
              // The authorization matrix signs in by minting session cookies, as a sign-in would.
              AUTH_SECRET: TEST_AUTH_SECRET,
            });
            add(playwrightCounts(report), "end-to-end");
            const errors = serverErrors(serverLog);
            add(errors.length ? { passed: 0, failed: 1, failures: errors } : { passed: 1, failed: 0 }, "server log (no 5xx answers)");
          }
          // The server-process checks run on the whole suite only (not on a filtered run).
          if (filters.length === 0) {
            const result = await runReliability(server, { url: e2eUrl, port: E2E_PORT, env, root: ROOT, secret: TEST_AUTH_SECRET });
            server = result.server;
            for (const check of result.checks) console.log(`${check.ok ? "✓" : "✘"} reliability: ${check.name}: ${check.detail}`);
            add(
              {
                passed: result.checks.filter((c) => c.ok).length,
                failed: result.checks.filter((c) => !c.ok).length,
                failures: result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
              },
              "reliability",
            );
          }
        } finally {
          if (server.pid) {
            try {
              process.kill(-server.pid, "SIGTERM");
            } catch {
              // already stopped
            }
          }
        }
        // Everything the run wrote to the audit log, demo data included, still forms an unbroken chain.
        const auditDb = createPrismaClient(e2eUrl, 2);
        try {
          const chain = await verifyAuditChain(auditDb);
          const ok = chain.problems.length === 0 && chain.rows > 0;
          console.log(`${ok ? "✓" : "✘"} audit log chain: ${chain.rows} rows, ${chain.problems.length} problems`);
          add(ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, failures: chain.problems.map((p) => `audit row ${p.id}: ${p.problem}`) }, "audit chain");
        } finally {
          await auditDb.$disconnect();
        }
      }
    }
  } finally {
    await cluster.stop();
  }
  printResult(totals);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
});
