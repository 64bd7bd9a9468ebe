// Builds a Prisma client on the node-postgres driver adapter (Prisma 7 has
// no built-in driver). The app uses the one client in lib/db.ts; scripts
// (seed, bench) build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  // With WAYPOINT_QUERY_LOG=1 (for finding a slow page, never in production)
  // each query's SQL and time are printed as a JSON line; values are not.
  if (process.env.WAYPOINT_QUERY_LOG === "1") {
    const client = new PrismaClient({ adapter, errorFormat: "minimal", log: [{ emit: "event", level: "query" }] });
    client.$on("query", (event) => console.log(JSON.stringify({ query: event.query.slice(0, 400), ms: event.duration })));
    return client;
  }
  // "minimal": an error's message does not draw the query it refused (values included).
  return new PrismaClient({ adapter, errorFormat: "minimal" });
}

export type Db = ReturnType<typeof createPrismaClient>;
