// Structured logs (JSON lines, pino) for operators. They carry request ids,
// methods, paths, statuses and timings, never personal data: no query
// strings (a search is often a name), no bodies, no cookies, no names.
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "waypoint" },
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.email", "*.name"], censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** The path of a URL without its query string or fragment. */
export function pathOnly(url: string | undefined): string {
  return (url ?? "").split(/[?#]/)[0];
}
