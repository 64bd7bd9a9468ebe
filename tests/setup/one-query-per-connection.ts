// A transaction is one pg connection. Sending it a query while another is
// still running makes pg queue it and warn that pg 9 will stop doing so;
// Prisma does that when one query inside a transaction selects several
// relations. Every integration test fails if its code sends such a query.
import pg from "pg";
import { afterEach, expect } from "vitest";

const queued: string[] = [];
const send = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client & { _queryQueue?: unknown[] }, ...args: unknown[]) {
  if ((this._queryQueue?.length ?? 0) > 0) {
    const first = args[0] as string | { text?: string };
    queued.push(String(typeof first === "string" ? first : first?.text).slice(0, 120));
  }
  return (send as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

afterEach(() => {
  const found = queued.splice(0);
  expect(found, "queries sent on a connection that was still busy (read relations one by one inside a transaction)").toEqual([]);
});
