import "server-only";
// The case file: what every page of a case shows in its header (the case,
// its household, its team and people named on it, open detentions) and the
// facts a caseworker in the field needs first (the next deadline and the
// next hearing). Staff read it in the same statement as the case gate
// (lib/cases/access); a guest's grants decide first which parts they read.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { auditEachFoundCase } from "@/lib/audit";
import { caseVisibleSql, type Actor } from "@/lib/policy";
import { PERSON_FIELDS, PERSON_FIELD_SELECT } from "@/lib/people/fields";
import type { CaseAccess } from "./access";

const CASE_FILE_SELECT = {
  id: true,
  code: true,
  status: true,
  sensitivity: true,
  riskFlags: true,
  principalName: true,
  principalNativeName: true,
  nationality: true,
  householdSize: true,
  openedAt: true,
  closedAt: true,
  anonymisedAt: true,
  updatedAt: true,
  version: true,
  teamId: true,
  team: { select: { id: true, name: true } },
  caseworkerId: true,
  caseworker: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
  members: { orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { role: true, user: { select: { id: true, name: true, role: true, active: true } } } },
  journey: true,
  detentions: {
    where: { releasedOn: null },
    orderBy: [{ startedOn: "asc" }, { id: "asc" }],
    select: { id: true, startedOn: true, sentenceEndsOn: true, person: { select: { latinName: true } } },
  },
  people: {
    orderBy: { position: "asc" },
    select: { id: true, ...PERSON_FIELD_SELECT, version: true, position: true },
  },
} satisfies Prisma.CaseSelect;

/**
 * What to read of the case file for a reader who may open these sections
 * (null: staff, every section). The next deadline and hearing are each read
 * only for a reader who may open their section (none: a limit of 0).
 */
export function caseFileSelect(sections: readonly string[] | null) {
  const upTo = (section: string) => (sections === null || sections.includes(section) ? 1 : 0);
  return {
    ...CASE_FILE_SELECT,
    tasks: { where: { completedAt: null }, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: upTo("tasks"), select: { dueOn: true, title: true, ruleKey: true } },
    // Each proceeding's next hearing (from the index on its hearings by start); the soonest is the case's.
    proceedings: {
      select: {
        hearings: {
          where: { startsAt: { gte: new Date() } },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          take: upTo("proceedings"),
          select: { startsAt: true, purpose: true, court: { select: { name: true, names: true } } },
        },
      },
    },
  } satisfies Prisma.CaseSelect;
}

export type CaseFileRow = Prisma.CaseGetPayload<{ select: ReturnType<typeof caseFileSelect> }>;

/** The case file from its row; `sections` are the reader's (null: all), for the tabs. */
export function caseFileOf({ tasks, proceedings, ...file }: CaseFileRow, sections: readonly string[] | null) {
  const upcoming = proceedings.flatMap((p) => p.hearings).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { ...file, nextHearing: upcoming[0] ?? null, nextDeadline: tasks[0] ?? null, sections };
}
export type CaseFile = ReturnType<typeof caseFileOf>;

/** The case file of an opened case (openCase has checked access and audited the view). */
export async function getCaseFile(access: CaseAccess): Promise<CaseFile> {
  const row = await db.case.findUniqueOrThrow({ where: { id: access.caseId }, select: caseFileSelect(access.sections) });
  return caseFileOf(row, access.sections);
}

// A date or time inside the statement's JSON, as milliseconds since 1970
// (the columns hold UTC; a date is its UTC midnight, as Prisma reads it).
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)`;
const json = (entries: Record<string, string>) => `json_build_object(${Object.entries(entries).map(([key, value]) => `'${key}', ${value}`).join(", ")})`;
const atMs = (value: number | null) => (value === null ? null : new Date(value));
const PERSON_COLUMNS = Object.fromEntries(PERSON_FIELDS.map((field) => [field, field === "birthDate" ? ms(`p."birthDate"`) : `p."${field}"`]));

// The statement's text apart from its values, made once: the policy's scope in
// SQL for the reader `u` and the case `c`, and the file's parts as JSON.
const CASE_FILE_COLUMNS = Prisma.raw(`
  f.id::text as id, f.code, f.status::text as status, f.sensitivity::text as sensitivity, f."riskFlags", f."principalName", f."principalNativeName",
  f.nationality, f."householdSize", f."openedAt", f."closedAt", f."anonymisedAt", f."updatedAt", f.version, f."teamId"::text as "teamId",
  ${json({ id: "t.id", name: "t.name" })} as team,
  f."caseworkerId"::text as "caseworkerId",
  case when cw.id is null then null else ${json({ id: "cw.id", name: "cw.name" })} end as caseworker,
  case when ub.id is null then null else ${json({ name: "ub.name" })} end as "updatedBy",
  coalesce((select json_agg(${json({ role: "m.role", user: json({ id: "mu.id", name: "mu.name", role: "mu.role", active: "mu.active" }) })} order by m."createdAt", m."userId")
    from "CaseMember" m join "User" mu on mu.id = m."userId" where m."caseId" = f.id), '[]') as members,
  (select ${json({ id: "j.id", caseId: `j."caseId"`, originCountry: `j."originCountry"`, transitCountries: `j."transitCountries"`, entryPoint: `j."entryPoint"`, entryDate: ms(`j."entryDate"`), entryMethod: `j."entryMethod"`, brokerFeeMinor: `j."brokerFeeMinor"`, brokerFeeCurrency: `j."brokerFeeCurrency"`, updatedAt: ms(`j."updatedAt"`), version: "j.version" })}
    from "Journey" j where j."caseId" = f.id) as journey,
  coalesce((select json_agg(${json({ id: "d.id", startedOn: ms(`d."startedOn"`), sentenceEndsOn: ms(`d."sentenceEndsOn"`), person: json({ latinName: `dp."latinName"` }) })} order by d."startedOn", d.id)
    from "DetentionEpisode" d join "Person" dp on dp.id = d."personId" where d."caseId" = f.id and d."releasedOn" is null), '[]') as detentions,
  coalesce((select json_agg(${json({ id: "p.id", ...PERSON_COLUMNS, version: "p.version", position: "p.position" })} order by p.position)
    from "Person" p where p."caseId" = f.id), '[]') as people,
  (select ${json({ dueOn: ms(`k."dueOn"`), title: "k.title", ruleKey: `k."ruleKey"` })}
    from "Task" k where k."caseId" = f.id and k."completedAt" is null order by k."dueOn", k.id limit 1) as "nextDeadline",
  (select ${json({ startsAt: ms(`h."startsAt"`), purpose: "h.purpose", court: json({ name: "hc.name", names: "hc.names" }) })}
    from "Hearing" h join "Court" hc on hc.id = h."courtId" where h."caseId" = f.id and h."startsAt" >= (now() at time zone 'UTC') order by h."startsAt", h.id limit 1) as "nextHearing"`);
const IN_SCOPE = Prisma.raw(caseVisibleSql("u", "c"));

type Stamped<T, Keys extends keyof T> = Omit<T, Keys> & { [Key in Keys]: T[Key] extends Date ? number : number | null };
type FileStatementRow = Omit<CaseFileRow, "journey" | "detentions" | "people" | "tasks" | "proceedings"> & {
  journey: Stamped<NonNullable<CaseFileRow["journey"]>, "entryDate" | "updatedAt"> | null;
  detentions: Stamped<CaseFileRow["detentions"][number], "startedOn" | "sentenceEndsOn">[];
  people: Stamped<CaseFileRow["people"][number], "birthDate">[];
  nextDeadline: Stamped<CaseFileRow["tasks"][number], "dueOn"> | null;
  nextHearing: Stamped<CaseFileRow["proceedings"][number]["hearings"][number], "startsAt"> | null;
};

/**
 * A member of staff opening a case page, in one statement: the case with
 * this code if they may see it (the policy's scope in SQL, caseVisibleSql),
 * its whole file, and the view's audit row, written by the same statement
 * only when the case was found (auditEachFoundCase). Null when it was not;
 * nothing is written then. The file is the one caseFileSelect reads with
 * Prisma for every section; a test compares the two.
 */
export async function readCaseFileRecordingView(actor: Pick<Actor, "id">, code: string, view: { ip: string | null; detail: Prisma.InputJsonValue }): Promise<CaseFileRow | null> {
  const [row] = await db.$queryRaw<FileStatementRow[]>`
    with found as (
      select c.* from "Case" c join "User" u on u.id = ${actor.id}::uuid where c.code = ${code} and ${IN_SCOPE}
    ), viewed as (${auditEachFoundCase({ actorId: actor.id, action: "case.view", ip: view.ip, detail: view.detail })})
    select ${CASE_FILE_COLUMNS}
      from found f join "Team" t on t.id = f."teamId" left join "User" cw on cw.id = f."caseworkerId" left join "User" ub on ub.id = f."updatedById"`;
  if (!row) return null;
  const { journey, detentions, people, nextDeadline, nextHearing, ...file } = row;
  return {
    ...file,
    journey: journey && { ...journey, entryDate: atMs(journey.entryDate), updatedAt: new Date(journey.updatedAt) },
    detentions: detentions.map((d) => ({ ...d, startedOn: new Date(d.startedOn), sentenceEndsOn: atMs(d.sentenceEndsOn) })),
    people: people.map((p) => ({ ...p, birthDate: atMs(p.birthDate) })),
    tasks: nextDeadline ? [{ ...nextDeadline, dueOn: new Date(nextDeadline.dueOn) }] : [],
    proceedings: nextHearing ? [{ hearings: [{ ...nextHearing, startsAt: new Date(nextHearing.startsAt) }] }] : [],
  };
}
