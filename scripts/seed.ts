// Loads the clearly fictional demo data set: two teams, one account per role
// and about sixty households. `npm run db:seed` runs it against DATABASE_URL
// (or the embedded database); `npm start` runs it on a new embedded database.
import { createPrismaClient } from "../lib/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { buildDemoHouseholds } from "./demo-data";
import { createCaseRecords } from "../lib/cases/create-case";
import { addCalendarDays, daysFrom, dbDate, todayInBangkok } from "../lib/dates";

export const DEMO_PASSWORD = "waypoint-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "caseworker@demo.waypoint.test", name: "Somchai Demo", role: "CASEWORKER", team: "Bangkok" },
  { email: "supervisor@demo.waypoint.test", name: "Malee Demo", role: "SUPERVISOR", team: "Bangkok" },
  { email: "legal@demo.waypoint.test", name: "Arun Demo", role: "LEGAL_OFFICER", team: "Bangkok" },
  // A guest (an interpreter): sees nothing until a supervisor grants a case.
  { email: "interpreter@demo.waypoint.test", name: "Hoa Demo", role: "GUEST", team: "Bangkok" },
  { email: "admin@demo.waypoint.test", name: "Admin Demo", role: "ADMIN", team: null },
  { email: "caseworker.north@demo.waypoint.test", name: "Nok Demo", role: "CASEWORKER", team: "Chiang Rai" },
  { email: "supervisor.north@demo.waypoint.test", name: "Kanya Demo", role: "SUPERVISOR", team: "Chiang Rai" },
  // An organisation-wide supervisor: sees every team's cases and figures.
  { email: "director@demo.waypoint.test", name: "Pim Demo", role: "SUPERVISOR", team: "Bangkok", organisationWide: true },
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
        data: { email: account.email, name: account.name, role: account.role, teamId, passwordHash, organisationWide: "organisationWide" in account },
      });
      users.set(account.email, { id: user.id, teamId });
    }
    const households = buildDemoHouseholds({
      bangkok: { teamId: teams.get("Bangkok")!, caseworkerId: users.get("caseworker@demo.waypoint.test")!.id },
      north: { teamId: teams.get("Chiang Rai")!, caseworkerId: users.get("caseworker.north@demo.waypoint.test")!.id },
      counselId: users.get("legal@demo.waypoint.test")!.id,
    });
    const bangkokIdc = await db.facility.findFirstOrThrow({ where: { kind: "BANGKOK_IDC" } });
    for (const [index, household] of households.entries()) {
      await db.$transaction(async (tx) => {
        const created = await createCaseRecords(tx, household, household.createdById);
        await tx.auditLog.create({
          data: { at: household.openedAt, actorId: household.createdById, action: "case.create", entity: "Case", entityId: created.id, caseId: created.id, detail: { source: "demo seed" } },
        });
        await seedProgress(tx, { caseId: created.id, index, household, facilityId: bangkokIdc.id });
      });
    }
    // Partners cases can be referred to; the Chiang Rai team's shelter
    // programme uses this deployment, so referrals to it arrive in Waypoint.
    await db.partner.createMany({
      data: [
        { name: "Bangkok Refugee Health Clinic (demo)", names: { th: "คลินิกสุขภาพผู้ลี้ภัยกรุงเทพฯ (ตัวอย่าง)", ko: "방콕 난민 건강 클리닉 (데모)", vi: "Phòng khám Sức khỏe Người tị nạn Bangkok (mẫu)" }, services: ["MEDICAL", "PSYCHOSOCIAL"] },
        { name: "Refugee Legal Aid Network (demo)", names: { th: "เครือข่ายช่วยเหลือทางกฎหมายแก่ผู้ลี้ภัย (ตัวอย่าง)", ko: "난민 법률 지원 네트워크 (데모)", vi: "Mạng lưới Trợ giúp Pháp lý cho Người tị nạn (mẫu)" }, services: ["LEGAL"] },
        { name: "Chiang Rai shelter programme (demo)", names: { th: "โครงการบ้านพักพิงเชียงราย (ตัวอย่าง)", ko: "치앙라이 쉼터 프로그램 (데모)", vi: "Chương trình Nhà tạm trú Chiang Rai (mẫu)" }, services: ["SHELTER", "LIVELIHOOD", "EDUCATION", "PSYCHOSOCIAL"], teamId: teams.get("Chiang Rai")! },
      ],
    });
    // Illustrative rates only: an administrator sets the real ones.
    for (const [currency, perUsd] of [["THB", "33.5"], ["KRW", "1380"], ["CNY", "7.2"], ["VND", "25400"], ["LAK", "21700"]]) {
      await db.exchangeRate.upsert({ where: { currency }, create: { currency, perUsd }, update: { perUsd } });
    }
    log(`loaded demo data: ${DEMO_ACCOUNTS.length} accounts, ${households.length} households`);
  } finally {
    await db.$disconnect();
  }
}

type SeedTx = Parameters<Parameters<ReturnType<typeof createPrismaClient>["$transaction"]>[0]>[0];

const TRANSFER_PATH = ["ARRIVED", "SURRENDERED", "SENTENCED", "IN_IDC", "EMBASSY_PROCESSING", "TRAVEL_DOCUMENTS_ISSUED", "DEPARTED", "HANDED_OVER"];
const RSD_PATH = ["REGISTERED", "INTERVIEW_SCHEDULED", "INTERVIEWED"];

/**
 * Gives about half the demo households some history: North Korean arrivals
 * part-way to South Korea (with detention and the usual THB 2,000 fine), UNHCR
 * cases part-way through RSD. The other half stay untouched, as new cases.
 */
async function seedProgress(tx: SeedTx, seed: { caseId: string; index: number; household: { openedAt: Date; createdById: string; nationality?: string; members: { nationality: string }[] }; facilityId: string }) {
  const { caseId, index, household } = seed;
  const day = (offset: number) => daysFrom(household.openedAt, offset);
  const nationality = household.members[0].nationality;
  const path = nationality === "KP" ? (index % 4 === 1 ? TRANSFER_PATH : null) : index % 2 === 1 ? RSD_PATH : null;
  if (!path) return;
  const reach = 1 + (index % path.length);
  const stages = path.slice(0, reach);
  const type = nationality === "KP" ? "TRANSFER_TO_KOREA" : "UNHCR_RSD";
  await tx.proceeding.create({
    data: {
      caseId,
      type,
      stage: stages[stages.length - 1],
      closed: stages[stages.length - 1] === "HANDED_OVER",
      openedAt: day(0),
      updatedById: household.createdById,
      stageChanges: {
        create: stages.map((stage, i) => ({
          fromStage: i === 0 ? null : stages[i - 1],
          toStage: stage,
          reason: "Recorded from the paper file (demo data)",
          occurredOn: day(i * 6),
          actorId: household.createdById,
          at: day(i * 6),
        })),
      },
    },
  });
  if (type === "TRANSFER_TO_KOREA" && reach >= 3) {
    const principal = await tx.person.findFirstOrThrow({ where: { caseId, relationship: "PRINCIPAL" }, select: { id: true } });
    const fine = await tx.fine.create({ data: { caseId, personId: principal.id, amountMinor: 200_000, currency: "THB", legalBasis: "Immigration Act: illegal entry", imposedOn: day(12) } });
    if (reach >= 5) await tx.finePayment.create({ data: { fineId: fine.id, amountMinor: 200_000, payer: "EMBASSY", paidOn: day(20) } });
    const released = reach >= 7;
    // People still held were detained recently (15 to 85 days ago), so the
    // 30- and 60-day flags show a realistic spread.
    const startedOn = released ? day(12) : dbDate(addCalendarDays(todayInBangkok(), -(15 + ((index * 7) % 70))));
    await tx.detentionEpisode.create({
      data: {
        caseId,
        personId: principal.id,
        facilityId: seed.facilityId,
        startedOn,
        sentenceEndsOn: daysFrom(startedOn, 30),
        releasedOn: released ? day(36) : null,
        releaseReason: released ? "Departed to South Korea" : null,
      },
    });
  }
}

export function printDemoAccounts(log: (line: string) => void = console.log) {
  log("Demo accounts (password for all: " + DEMO_PASSWORD + "):");
  for (const account of DEMO_ACCOUNTS) {
    log(`  ${account.role.padEnd(13)} ${account.email}${account.team ? `  (${account.team} team)` : ""}`);
  }
}
