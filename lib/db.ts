import "server-only";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per server process, made on first use: `next build` imports
// this module without a database. In development the module reloads, so the
// client is kept on globalThis to avoid opening a new pool each time.
const globalForDb = globalThis as unknown as { waypointDb?: Db };

function client(): Db {
  if (!globalForDb.waypointDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalForDb.waypointDb = createPrismaClient(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  }
  return globalForDb.waypointDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
