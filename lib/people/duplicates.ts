// Finds people already registered who may be the person arriving at intake
// or in an imported row, so one person's history is not split in two.
//
// Two kinds of evidence:
// - identifiers, compared exactly: UNHCR individual number, passport or
//   other document number (on the person or on an uploaded document);
// - the name, compared fuzzily by PostgreSQL: every spelling of every name
//   (Latin, native script, aliases) is reduced by `waypoint_name_keys`
//   (migration 20261123005241: unaccent, punctuation, word order, Romanised
//   Korean variants such as Lee/Yi/Rhee) and compared with pg_trgm
//   similarity; birth year and nationality then raise or lower the score.
//
// The weights and threshold are measured against lib/people/duplicates.fixture.ts
// (see duplicates.integration.test.ts for precision and recall).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";
import { caseScope, type Actor } from "@/lib/policy";
import { nameKeyAlike } from "./name-keys";

export type Probe = {
  latinName: string;
  nativeName?: string | null;
  aliases?: string[];
  birthYear?: number | null;
  nationality: string;
  unhcrNumber?: string | null;
  documentNumber?: string | null;
};

export type MatchedField = "unhcrNumber" | "documentNumber" | "name" | "birthYear" | "nationality";

export type Candidate = {
  personId: string;
  caseId: string;
  caseCode: string;
  sensitivity: string;
  score: number;
  nameScore: number;
  matched: MatchedField[];
};

/** A score at or above this is shown as a possible match. */
export const MATCH_THRESHOLD = 0.75;
/** How close a spelling must be (pg_trgm word similarity) to be considered at all. */
const RETRIEVAL_THRESHOLD = 0.45;
const MAX_CANDIDATES = 50;

/** Nationalities whose Romanised names get the Korean spelling variants folded together. */
const isKorean = (nationality: string) => nationality === "KP";

type Row = {
  personId: string;
  caseId: string;
  caseCode: string;
  sensitivity: string;
  birthYear: number | null;
  nationality: string;
  unhcrNumber: string | null;
  nameScore: number | null;
  unhcrMatch: boolean;
  documentMatch: boolean;
};

/**
 * Every registered person who may be the probe, best first, regardless of
 * who is asking: callers decide what of each candidate an actor may see
 * (`findDuplicates`). `excludeCaseId`: a case's own people are not its
 * duplicates.
 */
export async function scoreCandidates(db: Db, probe: Probe, options: { excludeCaseId?: string } = {}): Promise<Candidate[]> {
  const names = [probe.latinName, probe.nativeName ?? "", ...(probe.aliases ?? [])].filter((name) => name.trim() !== "");
  const [{ keys }] = await db.$queryRaw<{ keys: string[] }[]>`select waypoint_name_keys(${names}::text[], ${isKorean(probe.nationality)}) as keys`;
  const unhcr = probe.unhcrNumber?.trim().toUpperCase() || null;
  const documentNumber = probe.documentNumber?.replace(/[\s-]/g, "").toUpperCase() || null;
  if (keys.length === 0 && !unhcr && !documentNumber) return [];

  // Each spelling is compared with everyone's, through both sides' trigram indexes on nameKeys
  // (the weights and threshold were measured so).
  const nameConditions = keys.map((key) => nameKeyAlike(key, "everyone"));
  const identifierConditions = [
    ...(unhcr ? [Prisma.sql`p."unhcrNumber" = ${unhcr}`] : []),
    ...(documentNumber
      ? [
          Prisma.sql`p."documentNumber" = ${documentNumber}`,
          Prisma.sql`p.id in (select d."personId" from "Document" d where upper(regexp_replace(d.number, '[\\s-]', '', 'g')) = ${documentNumber})`,
        ]
      : []),
  ];
  const query = Prisma.sql`
    select p.id as "personId", p."caseId", c.code as "caseCode", c.sensitivity::text as sensitivity,
           p."birthYear", p.nationality, p."unhcrNumber",
           (select max(similarity(k, stored)) from unnest(${keys}::text[]) k, unnest(string_to_array(p."nameKeys", ' | ')) stored)::float8 as "nameScore",
           coalesce(p."unhcrNumber" = ${unhcr}, false) as "unhcrMatch",
           ${documentNumber ? Prisma.sql`(p."documentNumber" = ${documentNumber} or exists (select 1 from "Document" d where d."personId" = p.id and upper(regexp_replace(d.number, '[\\s-]', '', 'g')) = ${documentNumber}))` : Prisma.sql`false`} as "documentMatch"
    from "Person" p
    join "Case" c on c.id = p."caseId"
    where (${Prisma.join([...nameConditions, ...identifierConditions], " or ")})
      ${options.excludeCaseId ? Prisma.sql`and p."caseId" <> ${options.excludeCaseId}::uuid` : Prisma.empty}
    order by "unhcrMatch" desc, "documentMatch" desc, "nameScore" desc nulls last
    limit ${MAX_CANDIDATES}`;
  const [, rows] = await db.$transaction([
    db.$executeRaw`select set_config('pg_trgm.word_similarity_threshold', ${String(RETRIEVAL_THRESHOLD)}, true)`,
    db.$queryRaw<Row[]>(query),
  ]);
  return rows
    .map((row) => scoreRow(probe, unhcr, row))
    .filter((candidate) => candidate.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score);
}

/** Weighs the evidence for one stored person (0–1). */
function scoreRow(probe: Probe, unhcr: string | null, row: Row): Candidate {
  const nameScore = row.nameScore ?? 0;
  const matched: MatchedField[] = [];
  let score = 0.65 * nameScore;
  if (nameScore >= 0.5) matched.push("name");

  if (probe.birthYear && row.birthYear) {
    const apart = Math.abs(probe.birthYear - row.birthYear);
    // A year either way is a common recording error; more is another person.
    score += apart === 0 ? 0.25 : apart === 1 ? 0.15 : apart === 2 ? 0.05 : -0.25;
    if (apart === 0) matched.push("birthYear");
  } else {
    score += 0.1;
  }

  if (probe.nationality === row.nationality) {
    score += 0.1;
    matched.push("nationality");
  } else {
    score -= 0.15;
  }

  // Two different UNHCR numbers are two registrations: almost always two people.
  if (unhcr && row.unhcrNumber && !row.unhcrMatch) score -= 0.3;
  if (row.unhcrMatch) matched.unshift("unhcrNumber");
  if (row.documentMatch) matched.unshift("documentNumber");
  if (row.unhcrMatch || row.documentMatch) score = Math.max(score, 0.99);

  return {
    personId: row.personId,
    caseId: row.caseId,
    caseCode: row.caseCode,
    sensitivity: row.sensitivity,
    score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100,
    nameScore: Math.round(nameScore * 100) / 100,
    matched,
  };
}

/** What an actor is shown of a possible match. */
export type DuplicateMatch =
  | {
      visible: true;
      caseCode: string;
      score: number;
      matched: MatchedField[];
      person: { latinName: string; nativeName: string | null; birthYear: number | null; nationality: string; relationship: string };
    }
  // Matches in cases the actor may not open: one entry, however many, with
  // no code, name, score, sensitivity or field: any of those would let a
  // caller learn about a case by trying names and birth years. The
  // supervisors of those cases are told instead (lib/cases/actions).
  | { visible: false };

/** Possible matches, as the actor may see them, and the cases behind the hidden entry (for the server only). */
export type DuplicateFinding = { matches: DuplicateMatch[]; hiddenCases: { caseId: string; teamId: string }[] };

/** Possible matches for a probe, showing only what the actor may see (see DuplicateMatch). */
export async function findDuplicates(db: Db, actor: Actor, probe: Probe, options: { excludeCaseId?: string } = {}): Promise<DuplicateFinding> {
  const candidates = await scoreCandidates(db, probe, options);
  if (candidates.length === 0) return { matches: [], hiddenCases: [] };
  const caseIds = [...new Set(candidates.map((c) => c.caseId))];
  const visibleCases = new Set(
    (await db.case.findMany({ where: { AND: [{ id: { in: caseIds } }, caseScope(actor)] }, select: { id: true } })).map((c) => c.id),
  );
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: candidates.filter((c) => visibleCases.has(c.caseId)).map((c) => c.personId) } },
        select: { id: true, latinName: true, nativeName: true, birthYear: true, nationality: true, relationship: true },
      })
    ).map((p) => [p.id, p]),
  );
  const hiddenCaseIds = new Set<string>();
  const matches: DuplicateMatch[] = [];
  for (const candidate of candidates) {
    const person = people.get(candidate.personId);
    if (visibleCases.has(candidate.caseId) && person) {
      const { id: _id, ...shown } = person;
      matches.push({ visible: true, caseCode: candidate.caseCode, score: candidate.score, matched: candidate.matched, person: shown });
    } else {
      hiddenCaseIds.add(candidate.caseId);
    }
  }
  if (hiddenCaseIds.size === 0) return { matches, hiddenCases: [] };
  matches.push({ visible: false });
  const hiddenCases = await db.case.findMany({ where: { id: { in: [...hiddenCaseIds] } }, select: { id: true, teamId: true } });
  return { matches, hiddenCases: hiddenCases.map((c) => ({ caseId: c.id, teamId: c.teamId })) };
}

/** The possible matches for each member of a household being registered (members without any are left out). */
export type HouseholdMatches = { member: number; name: string; matches: DuplicateMatch[] }[];

export async function householdDuplicates(
  db: Db,
  actor: Actor,
  members: Probe[],
  options: { excludeCaseId?: string } = {},
): Promise<{ household: HouseholdMatches; hiddenCases: DuplicateFinding["hiddenCases"] }> {
  const found = await Promise.all(members.map((member) => findDuplicates(db, actor, member, options)));
  return {
    household: found.flatMap(({ matches }, member) => (matches.length ? [{ member, name: members[member].latinName, matches }] : [])),
    hiddenCases: found.flatMap((f) => f.hiddenCases),
  };
}
