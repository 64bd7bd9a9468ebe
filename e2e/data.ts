// Data a test makes for itself, through the same code intake uses
// (lib/cases/create-case), so no test depends on the shape of the demo data
// or on another test leaving a demo case alone.
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { intakeSchema } from "@/lib/cases/schema";
import { createCaseRecords } from "@/lib/cases/create-case";
import { countDeadline } from "@/lib/deadlines/count";
import { courtCalendar } from "@/lib/deadlines/court-calendar";
import { dbDate } from "@/lib/dates";
import { ACCOUNTS, uniqueTag, type AccountKey } from "./helpers";
import { isoDaysAgo } from "./proceeding-steps";

let client: Db | null = null;
function db(): Db {
  client ??= createPrismaClient(process.env.DATABASE_URL!, 2);
  return client;
}

async function userId(who: AccountKey): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email: ACCOUNTS[who].email }, select: { id: true } })).id;
}

export type NewCaseOptions = {
  team?: "Bangkok" | "Chiang Rai";
  /** The principal's nationality (ISO code): "KP" for a North Korean defector, "VN", … */
  nationality?: string;
  caseworker?: AccountKey;
  counsel?: AccountKey;
  sensitivity?: "STANDARD" | "HIGH" | "RESTRICTED";
  /** The principal's name; a unique made-up one by default. */
  name?: string;
  /** The principal's year of birth; 1985 by default. */
  birthYear?: number;
  /** The day the household entered Thailand ("YYYY-MM-DD"). */
  entryDate?: string;
  /** More household members, by name. */
  members?: string[];
};

/** A new household of its own for one test, opened as intake opens it. */
export async function newCase(options: NewCaseOptions = {}): Promise<{ id: string; code: string; name: string; personIds: string[] }> {
  const team = await db().team.findFirstOrThrow({ where: { name: options.team ?? "Bangkok" }, select: { id: true } });
  const caseworker = await userId(options.caseworker ?? (options.team === "Chiang Rai" ? "caseworkerNorth" : "caseworker"));
  const name = options.name ?? `Test Household ${uniqueTag()}`;
  const nationality = options.nationality ?? "VN";
  const input = intakeSchema.parse({
    teamId: team.id,
    caseworkerId: caseworker,
    sensitivity: options.sensitivity ?? "STANDARD",
    members: [
      { relationship: "PRINCIPAL", latinName: name, dateOfBirth: String(options.birthYear ?? 1985), sex: "FEMALE", nationality },
      ...(options.members ?? []).map((member) => ({ relationship: "CHILD", latinName: member, dateOfBirth: "2015", sex: "MALE", nationality })),
    ],
    journey: { originCountry: nationality === "KP" ? "KP" : nationality, transitCountries: nationality === "KP" ? ["CN", "LA"] : [], entryDate: options.entryDate ?? "" },
  });
  const counselId = options.counsel ? await userId(options.counsel) : null;
  const created = await db().$transaction((tx) => createCaseRecords(tx, { ...input, counselId }, caseworker));
  const people = await db().person.findMany({ where: { caseId: created.id }, orderBy: { position: "asc" }, select: { id: true } });
  return { ...created, name, personIds: people.map((person) => person.id) };
}

/** The appeal deadline a verdict on `verdictOn` starts, counted as the rule counts it (lib/deadlines). */
function ruleDeadline(verdictOn: string) {
  const working = countDeadline(verdictOn, { amount: 1, unit: "months" }, courtCalendar([]));
  return { dueOn: dbDate(working.due), countedFrom: dbDate(verdictOn), working: working as object };
}

export type Staff = { teamId: string; caseworkerId: string; supervisorId: string; counselId: string; guestId: string };

/**
 * A case with something in every section, so a page shows every kind of
 * label it has: a criminal proceeding at its verdict with its appeal
 * deadline (counted over a holiday), a hearing, a detention past 60 days, a
 * fine and an expense, a protection incident, a note, a consent and the
 * referral resting on it, and a guest's access. Written row by row with the
 * Prisma client (the app's functions need a request); each row as the app
 * would write it.
 */
export async function caseWithEverything(staff: Staff, name: string): Promise<{ code: string; id: string; personIds: string[]; referralId: string }> {
  const input = intakeSchema.parse({
    teamId: staff.teamId,
    caseworkerId: staff.caseworkerId,
    sensitivity: "STANDARD",
    members: [
      { relationship: "PRINCIPAL", latinName: name, nativeName: "김철수", dateOfBirth: "1985-04-23", sex: "MALE", nationality: "KP" },
      { relationship: "CHILD", latinName: `${name} Jr`, dateOfBirth: "2015", sex: "FEMALE", nationality: "KP" },
    ],
    journey: { originCountry: "KP", transitCountries: ["CN", "LA"], entryDate: isoDaysAgo(120), entryPoint: "Chiang Saen" },
  });
  const created = await db().$transaction((tx) => createCaseRecords(tx, { ...input, counselId: staff.counselId }, staff.caseworkerId));
  const caseId = created.id;
  const people = await db().person.findMany({ where: { caseId }, orderBy: { position: "asc" }, select: { id: true } });
  const [principal] = people;
  const actor = staff.caseworkerId;
  const verdictOn = isoDaysAgo(3);

  const proceeding = await db().proceeding.create({ data: { caseId, type: "CRIMINAL", stage: "VERDICT", reference: "อ.1234/2569", updatedById: actor } });
  await db().stageChange.createMany({
    data: [
      { proceedingId: proceeding.id, fromStage: null, toStage: "CHARGED", occurredOn: dbDate(isoDaysAgo(90)), reason: "—", actorId: actor },
      { proceedingId: proceeding.id, fromStage: "CHARGED", toStage: "VERDICT", occurredOn: dbDate(verdictOn), reason: "—", actorId: actor },
    ],
  });
  await db().task.create({
    data: { caseId, proceedingId: proceeding.id, title: "criminalAppeal", ...ruleDeadline(verdictOn), assigneeId: staff.counselId, origin: "RULE", ruleKey: "criminal.appeal", createdById: actor },
  });
  await db().task.create({ data: { caseId, title: "ติดต่อสถานทูต", dueOn: dbDate(isoDaysAgo(-5)), assigneeId: actor, origin: "PERSON", createdById: actor } });
  // A court and a facility of its own, named in every language as an administrator would.
  const tag = uniqueTag();
  const court = await db().court.create({ data: { name: `Provincial Court ${tag}`, names: { th: `ศาลจังหวัด ${tag}`, ko: `지방법원 ${tag}`, vi: `Tòa án tỉnh ${tag}` } } });
  await db().hearing.create({ data: { proceedingId: proceeding.id, courtId: court.id, startsAt: new Date(Date.now() + 2 * 86_400_000), purpose: "APPEAL", counselId: staff.counselId, interpreter: "이영희", interpreterLanguage: "한국어" } });
  const facility = await db().facility.create({ data: { name: `Detention Center ${tag}`, kind: "PROVINCIAL_IDC", names: { th: `สถานกักตัว ${tag}`, ko: `수용소 ${tag}`, vi: `Trại tạm giữ ${tag}` } } });
  await db().detentionEpisode.create({ data: { caseId, personId: principal.id, facilityId: facility.id, startedOn: dbDate(isoDaysAgo(75)), sentenceEndsOn: dbDate(isoDaysAgo(10)), updatedById: actor } });
  const fine = await db().fine.create({ data: { caseId, personId: principal.id, amountMinor: 400_000, currency: "THB", imposedOn: dbDate(isoDaysAgo(80)), updatedById: actor } });
  await db().finePayment.create({ data: { fineId: fine.id, amountMinor: 100_000, payer: "NGO", paidOn: dbDate(isoDaysAgo(70)), createdById: actor } });
  await db().expense.create({ data: { caseId, category: "TRAVEL", description: "รถตู้", amountMinor: 150_000, currency: "THB", payer: "NGO", incurredOn: dbDate(isoDaysAgo(60)), createdById: actor } });
  await db().protectionIncident.create({ data: { caseId, occurredOn: dbDate(isoDaysAgo(7)), kind: "SURVEILLANCE", severity: "HIGH", description: "—", createdById: actor } });
  await db().note.create({ data: { caseId, authorId: actor, kind: "VISIT", body: "방문" } });

  const partner = await db().partner.create({ data: { name: `Clinic ${tag}`, names: { th: `คลินิก ${tag}`, ko: `클리닉 ${tag}`, vi: `Phòng khám ${tag}` }, services: ["MEDICAL"] } });
  const consent = await db().consent.create({
    data: { caseId, personId: principal.id, purpose: "REFERRAL", partnerId: partner.id, method: "VERBAL_INTERPRETED", interpreter: "이영희", interpreterLanguage: "한국어", givenOn: dbDate(isoDaysAgo(2)), recordedById: actor },
  });
  const shared = { code: created.code, status: "OPEN", team: "ทีม", nationality: "KP", householdSize: 2, openedOn: isoDaysAgo(0), preparedOn: isoDaysAgo(0), identifying: false, household: [{ relationship: "PRINCIPAL", birthYear: 1985, sex: "MALE", nationality: "KP" }], journey: null, detention: null, proceedings: null, hearings: null, documents: null };
  const referral = await db().referral.create({ data: { caseId, partnerId: partner.id, service: "MEDICAL", reason: "ตรวจสุขภาพ", sections: ["household"], consentId: consent.id, shared, createdById: staff.supervisorId } });
  await db().accessGrant.create({
    data: { caseId, userId: staff.guestId, sections: ["overview", "proceedings", "custody", "tasks", "documents", "referrals", "consent"], startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 86_400_000), reason: "통역", grantedById: staff.supervisorId },
  });
  return { code: created.code, id: caseId, personIds: people.map((p) => p.id), referralId: referral.id };
}
