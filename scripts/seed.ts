// Loads the clearly fictional demo data set: two teams, one account per role
// and about sixty households. `npm run db:seed` runs it against DATABASE_URL
// (or the embedded database); `npm start` runs it on a new embedded database.
import { createPrismaClient } from "../lib/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { buildDemoHouseholds } from "./demo-data";
import { createCaseRecords } from "../lib/cases/create-case";

export const DEMO_PASSWORD = "waypoint-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "caseworker@demo.waypoint.test", name: "Somchai Demo", role: "CASEWORKER", team: "Bangkok" },
  { email: "supervisor@demo.waypoint.test", name: "Malee Demo", role: "SUPERVISOR", team: "Bangkok" },
  { email: "legal@demo.waypoint.test", name: "Arun Demo", role: "LEGAL_OFFICER", team: "Bangkok" },
  { email: "admin@demo.waypoint.test", name: "Admin Demo", role: "ADMIN", team: null },
  { email: "caseworker.north@demo.waypoint.test", name: "Nok Demo", role: "CASEWORKER", team: "Chiang Rai" },
  { email: "supervisor.north@demo.waypoint.test", name: "Kanya Demo", role: "SUPERVISOR", team: "Chiang Rai" },
] as const;

export async function countUsers(databaseUrl: string): Promise<{ all: number; demo: number }> {
  const db = createPrismaClient(databaseUrl, 2);
  try {
    const [all, demo] = await Promise.all([db.user.count(), db.user.count({ where: { email: DEMO_ACCOUNTS[0].email } })]);
    return { all, demo };
  } finally {
    await db.$disconnect();
  }
}

export async function seedDemoData(databaseUrl: string, log: (line: string) => void = console.log) {
  const db = createPrismaClient(databaseUrl, 4);
  try {
    if ((await db.user.count({ where: { email: DEMO_ACCOUNTS[0].email } })) > 0) {
      log("demo data already loaded: nothing to do");
      return;
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const teams = new Map<string, string>();
    for (const name of ["Bangkok", "Chiang Rai"]) {
      const team = await db.team.create({ data: { name } });
      teams.set(name, team.id);
    }
    const users = new Map<string, { id: string; teamId: string | null }>();
    for (const account of DEMO_ACCOUNTS) {
      const teamId = account.team ? teams.get(account.team)! : null;
      const user = await db.user.create({
        data: { email: account.email, name: account.name, role: account.role, teamId, passwordHash },
      });
      users.set(account.email, { id: user.id, teamId });
    }
    const households = buildDemoHouseholds({
      bangkok: { teamId: teams.get("Bangkok")!, caseworkerId: users.get("caseworker@demo.waypoint.test")!.id },
      north: { teamId: teams.get("Chiang Rai")!, caseworkerId: users.get("caseworker.north@demo.waypoint.test")!.id },
      counselId: users.get("legal@demo.waypoint.test")!.id,
    });
    for (const household of households) {
      await db.$transaction(async (tx) => {
        const created = await createCaseRecords(tx, household, household.createdById);
        await tx.auditLog.create({
          data: { at: household.openedAt, actorId: household.createdById, action: "case.create", entity: "Case", entityId: created.id, caseId: created.id, detail: { source: "demo seed" } },
        });
      });
    }
    // Illustrative rates only: an administrator sets the real ones.
    for (const [currency, perUsd] of [["THB", "33.5"], ["KRW", "1380"], ["CNY", "7.2"], ["VND", "25400"], ["LAK", "21700"]]) {
      await db.exchangeRate.upsert({ where: { currency }, create: { currency, perUsd }, update: { perUsd } });
    }
    log(`loaded demo data: ${DEMO_ACCOUNTS.length} accounts, ${households.length} households`);
  } finally {
    await db.$disconnect();
  }
}

export function printDemoAccounts(log: (line: string) => void = console.log) {
  log("Demo accounts (password for all: " + DEMO_PASSWORD + "):");
  for (const account of DEMO_ACCOUNTS) {
    log(`  ${account.role.padEnd(13)} ${account.email}${account.team ? `  (${account.team} team)` : ""}`);
  }
}
