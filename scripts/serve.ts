// The production server: Next's request handler in a plain Node HTTP server,
// so that Waypoint can (1) give every request an id, echoed in the
// x-request-id header and in the log line, and (2) shut down gracefully: on
// SIGTERM or SIGINT it stops accepting connections, lets requests in flight
// finish (up to 20 s), closes the database pool and exits. A write in flight
// therefore completes with its audit row; one cut by a crash rolls back,
// since every write is a single transaction.
//
// It runs one such server per processor core (at most four; WAYPOINT_WORKERS
// sets how many) as workers of one process sharing the port (node:cluster):
// measured on two cores, two workers answer 25–80% more requests a second
// than one, page by page (docs/benchmarks.md). A worker that dies is replaced, and a
// signal to the primary stops them all gracefully. Nothing is kept in a
// worker's memory between requests (sessions, throttling and jobs are in
// PostgreSQL), so any worker may answer any request.
//
//   tsx scripts/serve.ts [--port 3000]
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { randomUUID } from "node:crypto";
import path from "node:path";
import next from "next";
import { log, pathOnly } from "../lib/log";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "../lib/client-address";
import { describeServerError } from "../lib/server-errors";

// Next prints the errors it catches with console.error, whole: a database
// error's text holds the query and its values. Everything it prints goes
// through the structured log instead, as kind and code (lib/server-errors).
console.error = (...args: unknown[]) => {
  const error = args.find((arg) => arg instanceof Error);
  if (error) log.error(describeServerError(error), "server error");
  else log.error({ kind: "console" }, String(args[0] ?? "").split("\n")[0].slice(0, 200));
};

const ROOT = path.resolve(import.meta.dirname, "..");
const GRACE_MS = 20_000;

function decodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent(pathOnly(url));
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const portFlag = process.argv.indexOf("--port");
  const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
  const app = next({ dev: false, dir: ROOT, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  let inFlight = 0;
  let stopping = false;
  // Read once: a mistyped TRUSTED_PROXIES stops the server rather than trusting anyone.
  const trusted = trustedProxies(process.env.TRUSTED_PROXIES);

  const server = http.createServer((req, res) => {
    const id = randomUUID();
    const started = performance.now();
    req.headers["x-request-id"] = id;
    // The one place the client's address is decided (lib/client-address); whatever a client sent under this name is replaced.
    const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    else delete req.headers[CLIENT_ADDRESS_HEADER];
    res.setHeader("x-request-id", id);
    if (stopping) res.setHeader("connection", "close");
    inFlight++;
    res.on("close", () => {
      inFlight--;
      log.info({ requestId: id, method: req.method, path: pathOnly(req.url), status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
    });
    // Next answers a path with broken percent-encoding ("/cases/%E0%A4%A")
    // with a 500; it is the client's mistake, so it gets a 400 here.
    if (!decodablePath(req.url)) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: the address is not valid.");
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log.error({ requestId: id, err: describeServerError(error) }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, () => log.info({ port }, "listening"));

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight }, "shutting down: no new connections, finishing requests in flight");
    server.close(async () => {
      await closeDatabase();
      log.info("stopped");
      process.exit(0);
    });
    // Idle keep-alive connections close after keepAliveTimeout, and every
    // response from now on closes its connection; closing "idle" connections
    // at once would also drop requests received but not yet read.
    setTimeout(() => {
      log.warn({ inFlight }, "grace period over: exiting");
      process.exit(1);
    }, GRACE_MS).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/** Closes the app's database pool if it was opened (lib/db.ts keeps it on globalThis). */
async function closeDatabase() {
  const db = (globalThis as { waypointDb?: { $disconnect: () => Promise<void> } }).waypointDb;
  await db?.$disconnect().catch(() => undefined);
}

// A worker that stops this soon after starting could not start: replacing it would loop.
const STARTUP_MS = 10_000;

/**
 * Forks the workers, replaces one that dies, and passes a stop signal on to
 * them all. One worker runs the background jobs (instrumentation.ts); the
 * one that replaces it takes them over.
 */
function primary(count: number) {
  let stopping = false;
  const started = new Map<number, number>();
  let jobsWorker: number | null = null;
  const fork = () => {
    const runsJobs = jobsWorker === null;
    const worker = cluster.fork(runsJobs ? {} : { WAYPOINT_JOBS: "off" });
    if (runsJobs) jobsWorker = worker.id;
    started.set(worker.id, Date.now());
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (worker.id === jobsWorker) jobsWorker = null;
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (Date.now() - (started.get(worker.id) ?? 0) < STARTUP_MS) {
      log.fatal({ code, signal }, "a worker could not start: stopping");
      process.exit(1);
    }
    log.error({ code, signal }, "a worker stopped: starting another");
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  log.info({ workers: count }, "started workers");
}

const workers = Number(process.env.WAYPOINT_WORKERS ?? Math.min(os.availableParallelism(), 4));
if (cluster.isPrimary && Number.isInteger(workers) && workers > 1) {
  primary(workers);
} else {
  main().catch((error) => {
    log.fatal({ err: error instanceof Error ? error.message : String(error) }, "could not start");
    process.exit(1);
  });
}
