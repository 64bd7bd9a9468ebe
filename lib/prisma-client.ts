// Builds a Prisma client on the node-postgres driver adapter (Prisma 7 has
// no built-in driver). The app uses the one client in lib/db.ts; scripts
// (seed, bench) build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  // "minimal": an error's message does not draw the query it refused (values included).
  return new PrismaClient({ adapter, errorFormat: "minimal" });
}

export type Db = ReturnType<typeof createPrismaClient>;
