import "server-only";
import { Prisma, type Role } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { planEachTime, prepareAnyway, type Db } from "@/lib/prisma-client";
import { readDbFor } from "@/lib/read-replica";
import { auditStep, readWhileAuditing, recordAudit, type AuditAction, type AuditEntry } from "@/lib/audit";
import type { ViewDetail } from "@/lib/page-views";
import { caseScope, noteScope, restrictedCodeScope, teamColumnScope, workingTeamIds, type Actor } from "@/lib/policy";
import { foldForSearch } from "@/lib/people/search-text";
import { PERSON_FIELD_SELECT } from "@/lib/people/fields";
import { NAME_KEY_SIDES, nameKeyAlike, nameWordsInclude, nameWordsOnEitherSide, nameWordsOnEitherSideFrom, type NameKeySide } from "@/lib/people/name-keys";
import { hasFilters, PAGE_SIZE, type CaseListParams } from "./list-params";
import { bangkokDate, dbDate, isoDate, startOfBangkokDay, todayInBangkok, type CalendarDate } from "@/lib/dates";
import { isCaseCode, isCaseCodeStart } from "./codes";
import type { CaseAccess } from "./access";
import { isUuid } from "@/lib/validation/ids";
import { ROWS_PER_PAGE } from "@/lib/paging";

/** LIKE treats % and _ as wildcards; a search for them should find them literally. */
function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Above this many matching cases the search falls back to a plain join.
const SEARCH_ID_LIMIT = 2000;

/**
 * How a search compares names. First by words: the people who have every
 * word of the search among their name's words (any order, accents and
 * hyphens folded, Romanised Korean variants folded for North Koreans), read
 * from the GIN index of "nameWords". Only if that lists no case does it
 * compare whole spellings by trigram similarity, as the duplicate check
 * does, which also finds a misspelt name ("Nguyen Van Duk") but reads every
 * person who shares a common trigram. Both also match the folded text and
 * the UNHCR number. Whether to compare by trigrams is decided on the cases
 * the reader may see, never on people outside them, so an empty list does
 * not tell them a name exists elsewhere.
 */
type SearchMode = "words" | "alike";

/**
 * The cases whose people match the search box. The matching people are
 * found first, through the indexes on their names, and then their cases:
 * written as one query, PostgreSQL may instead walk every case of a large
 * team newest first and look into each one's people (measured on a
 * 50,000-case team: 390 ms against 25 ms). A very broad search (a letter or
 * two, which the indexes cannot narrow) keeps the one-query form.
 */
async function searchWhere(search: NameSearch, mode: SearchMode): Promise<{ where: Prisma.CaseWhereInput; matching: MatchingPerson[] | null }> {
  const { q } = search;
  // A whole code finds its case; the start of one finds every case it begins.
  if (isCaseCode(q.toUpperCase())) return { where: { code: q.toUpperCase() }, matching: null };
  if (isCaseCodeStart(q)) return { where: { code: { startsWith: q.toUpperCase() } }, matching: null };
  const matching = await matchingPeople(search, mode, SEARCH_ID_LIMIT + 1);
  const caseIds = [...new Set(matching.map((m) => m.caseId))];
  if (matching.length <= SEARCH_ID_LIMIT) return { where: { id: { in: caseIds } }, matching };
  const pattern = escapeLike(foldForSearch(q));
  const byWords = mode === "words" ? NAME_KEY_SIDES.flatMap((side) => nameWordsInclude(search.words[side], side)?.where ?? []) : [];
  return { where: { people: { some: { OR: [{ searchText: { contains: pattern } }, { unhcrNumber: q.toUpperCase() }, ...byWords] } } }, matching: null };
}

type MatchingPerson = { caseId: string; name: string; principal: boolean };

/**
 * A search box's text, its words and the spellings of a name it is compared
 * under (none for a case code, and none until its words have found nothing:
 * withSpellings): folded the Korean way, for North Koreans' names, and as
 * typed, for everyone else's.
 */
type NameSearch = { q: string; words: Record<NameKeySide, string[]>; keys: Record<NameKeySide, string[]> };

/** How alike a spelling must be to a stored one (pg_trgm word similarity of the name keys) for a search to find it. */
const SEARCH_SIMILARITY = 0.6;

/**
 * The people a search finds (optionally only among some cases), in
 * household order: by folded text, UNHCR number, and their name's words or
 * a name key alike enough to one of theirs (SearchMode).
 */
async function matchingPeople(search: NameSearch, mode: SearchMode, limit: number, amongCases?: string[]) {
  // Among a page of cases, their few people are gathered first and then
  // compared: asked as one condition more, PostgreSQL went through the
  // names' indexes as for a whole search (2 ms a page, against 0.1).
  const among = amongCases ? Prisma.sql`with among as materialized (select * from "Person" where "caseId" = any(${amongCases}::uuid[]))` : Prisma.empty;
  const select = Prisma.sql`${among}
    select p."caseId", p."latinName" as name, p.relationship = 'PRINCIPAL' as principal from ${amongCases ? Prisma.sql`among` : Prisma.sql`"Person"`} p
    where ${personMatches(search, mode)}
    order by p."caseId", p.position limit ${limit}`;
  if (mode === "words") return db.$queryRaw<MatchingPerson[]>(select);
  const [, rows] = await db.$transaction([
    db.$executeRaw`select set_config('pg_trgm.word_similarity_threshold', ${String(SEARCH_SIMILARITY)}, true)`,
    db.$queryRaw<MatchingPerson[]>(select),
  ]);
  return rows;
}

/** Whether a person (`p`) matches the search: by folded text, UNHCR number, and their name's words or a name key alike enough (SearchMode). */
function personMatches(search: NameSearch, mode: SearchMode): Prisma.Sql {
  const { q, words, keys } = search;
  return personMatchesBy(
    q,
    mode === "words"
      ? nameWordsOnEitherSide(words)
      : // Each key is one condition on the trigram index of its side's "nameKeys".
        NAME_KEY_SIDES.flatMap((side) => keys[side].map((key) => nameKeyAlike(key, side))),
  );
}

/** Whether a person (`p`) matches the search text by folded text or UNHCR number, or by the given conditions on their name. */
function personMatchesBy(q: string, byName: Prisma.Sql[]): Prisma.Sql {
  const conditions = [Prisma.sql`p."searchText" like ${`%${escapeLike(foldForSearch(q))}%`}`, Prisma.sql`p."unhcrNumber" = ${q.toUpperCase()}`, ...byName];
  return Prisma.sql`(${Prisma.join(conditions, " or ")})`;
}

const NO_KEYS: Record<NameKeySide, string[]> = { korean: [], other: [] };

/**
 * The words a search is compared under, as the duplicate check folds names
 * (waypoint_name_tokens): hyphens and spaces alike, accents folded, and
 * Romanised Korean variants folded together ("Kim Cheol-su", "Kim Chul Su"
 * and "Chol-su Kim" have the same words). Both with and without the Korean
 * folding, as the search does not know whose name it is; each set is
 * compared only with the names stored its way (lib/people/name-keys). Its
 * spellings are left for `withSpellings`: most searches find their words.
 */
async function nameSearch(q: string): Promise<NameSearch> {
  if (isCaseCode(q.toUpperCase()) || isCaseCodeStart(q)) return { q, words: { korean: [], other: [] }, keys: NO_KEYS };
  const [row] = await db.$queryRaw<Record<NameKeySide, string[]>[]>`${searchWords(q)}`;
  return { q, words: { korean: row.korean, other: row.other }, keys: NO_KEYS };
}

/** A search text's words both ways, as one row of SQL (columns `korean` and `other`). */
function searchWords(q: string): Prisma.Sql {
  return Prisma.sql`select waypoint_name_tokens(${q}, true) as korean, waypoint_name_tokens(${q}, false) as other`;
}

/**
 * The search with the spellings of a name it is compared under when its
 * words find nothing (waypoint_name_keys, folded both ways as its words
 * are). Worked out only then: they cost the database more than the words.
 */
async function withSpellings(search: NameSearch): Promise<NameSearch> {
  const { q } = search;
  if (isCaseCode(q.toUpperCase()) || isCaseCodeStart(q)) return search;
  const [row] = await db.$queryRaw<{ korean: string[]; other: string[] }[]>`
    select waypoint_name_keys(array[${q}]::text[], true) as korean, waypoint_name_keys(array[${q}]::text[], false) as other`;
  // A key of one word is too short to be alike by trigrams without matching many others: the plain text match covers those.
  const worthComparing = (key: string) => key.includes(" ") && key.replace(/\s/g, "").length >= 5;
  return { ...search, keys: { korean: row.korean.filter(worthComparing), other: row.other.filter(worthComparing) } };
}

/**
 * For a search, the household member each listed case was found by, when it
 * was not the principal: the list shows the principal's name, and says who
 * else matched. From the people the search already found when it has them
 * all (a search of up to SEARCH_ID_LIMIT people), else found again among the
 * listed cases.
 */
async function matchedMembers(search: NameSearch, mode: SearchMode, caseIds: string[], found: MatchingPerson[] | null): Promise<Map<string, string>> {
  const { q } = search;
  if (caseIds.length === 0 || isCaseCode(q.toUpperCase()) || isCaseCodeStart(q)) return new Map();
  const listed = new Set(caseIds);
  const rows = found ? found.filter((row) => listed.has(row.caseId)) : await matchingPeople(search, mode, 1000, caseIds);
  const members = new Map<string, string>();
  const principalMatched = new Set(rows.filter((r) => r.principal).map((r) => r.caseId));
  for (const row of rows) if (!row.principal && !principalMatched.has(row.caseId) && !members.has(row.caseId)) members.set(row.caseId, row.name);
  return members;
}

const ORDER: Record<CaseListParams["sort"], (dir: "asc" | "desc") => Prisma.CaseOrderByWithRelationInput[]> = {
  updated: (dir) => [{ updatedAt: dir }, { id: dir }],
  opened: (dir) => [{ openedAt: dir }, { id: dir }],
  code: (dir) => [{ code: dir }],
  name: (dir) => [{ principalName: dir }, { id: dir }],
};

// The same orders in SQL, for a list read in one statement (teamSearch, teamList).
const ORDER_SQL: Record<CaseListParams["sort"], (dir: "asc" | "desc") => Prisma.Sql> = {
  updated: (dir) => Prisma.raw(`c."updatedAt" ${dir}, c.id ${dir}`),
  opened: (dir) => Prisma.raw(`c."openedAt" ${dir}, c.id ${dir}`),
  code: (dir) => Prisma.raw(`c.code ${dir}`),
  name: (dir) => Prisma.raw(`c."principalName" ${dir}, c.id ${dir}`),
};

/** The first day of a "YYYY-MM" month or a "YYYY" year, and of the one after it. */
function periodBounds(period: string): [string, string] {
  if (period.length === 4) return [`${period}-01-01`, `${Number(period) + 1}-01-01`];
  const [year, m] = period.split("-").map(Number);
  return [`${period}-01`, m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, "0")}-01`];
}

/** A Bangkok calendar month or year of a timestamp column, as [first instant, first instant after it). */
function bangkokMonth(period: string) {
  const [first, next] = periodBounds(period);
  return { gte: startOfBangkokDay(first), lt: startOfBangkokDay(next) };
}

/** A calendar month or year of a date column (stored as UTC midnight). */
function dateMonth(period: string) {
  const [first, next] = periodBounds(period);
  return { gte: dbDate(first), lt: dbDate(next) };
}

/** A departure, as the dashboard counts it: to South Korea by transfer, elsewhere by a resettlement programme. */
function departedWhere(params: CaseListParams): Prisma.ProceedingWhereInput {
  const destination: Prisma.ProceedingWhereInput =
    params.destination === "KR"
      ? { type: "TRANSFER_TO_KOREA" }
      : params.destination
        ? { type: "RESETTLEMENT", programme: { country: params.destination } }
        : { type: { in: ["TRANSFER_TO_KOREA", "RESETTLEMENT"] } };
  return { ...destination, stageChanges: { some: { toStage: "DEPARTED", ...(params.departed ? { occurredOn: dateMonth(params.departed) } : {}) } } };
}

function drillThroughWhere(params: CaseListParams): Prisma.CaseWhereInput[] {
  const today = dbDate(todayInBangkok());
  const [type, stage] = params.proceeding?.split(":") ?? [];
  return [
    params.sensitivity ? { sensitivity: params.sensitivity } : {},
    params.proceeding ? { proceedings: { some: { type: type as never, stage, closed: false } } } : {},
    params.detained ? { detentions: { some: { releasedOn: null } } } : {},
    params.overdue ? { tasks: { some: { completedAt: null, dueOn: { lt: today } } } } : {},
    params.opened ? { openedAt: bangkokMonth(params.opened) } : {},
    params.arrived ? { journey: { entryDate: dateMonth(params.arrived) } } : {},
    params.departed || params.destination ? { proceedings: { some: departedWhere(params) } } : {},
  ];
}

/** What a list row shows. */
const LIST_ROW_SELECT = {
  id: true,
  code: true,
  status: true,
  sensitivity: true,
  principalName: true,
  principalNativeName: true,
  nationality: true,
  householdSize: true,
  openedAt: true,
  updatedAt: true,
  team: { select: { name: true } },
  caseworker: { select: { name: true } },
  // What a caseworker in the field needs at a glance (the phone shows each case as a card with these).
  tasks: { where: { completedAt: null }, orderBy: { dueOn: "asc" }, take: 1, select: { dueOn: true, title: true, ruleKey: true } },
  detentions: { where: { releasedOn: null }, orderBy: { startedOn: "asc" }, take: 1, select: { startedOn: true } },
} satisfies Prisma.CaseSelect;

/** LIST_ROW_SELECT's row as one plain join reads it (LIST_ROW_COLUMNS). */
type FlatListRow = Omit<ListRow, "team" | "caseworker" | "tasks" | "detentions"> & {
  teamName: string;
  caseworkerName: string | null;
  dueOn: Date | null;
  title: string | null;
  ruleKey: string | null;
  startedOn: Date | null;
};

/**
 * LIST_ROW_SELECT as one plain join of the case `c`: the columns and the
 * joins that give them (rowsByIds, teamSearch, teamList), rather than the ORM's nested
 * read, which its query compiler works out and whose JSON it turns into
 * objects at every view (0.7 ms of the server's time a search:
 * docs/benchmarks.md, session 39). A test compares its rows with the ORM's
 * (queries.integration.test).
 */
const LIST_ROW_COLUMNS = Prisma.sql`c.id::text, c.code, c.status::text as status, c.sensitivity::text as sensitivity, c."principalName", c."principalNativeName", c.nationality,
      c."householdSize", c."openedAt", c."updatedAt", tm.name as "teamName", u.name as "caseworkerName", t."dueOn", t.title, t."ruleKey", d."startedOn"`;
const LIST_ROW_JOINS = Prisma.sql`join "Team" tm on tm.id = c."teamId" left join "User" u on u.id = c."caseworkerId"
    left join lateral (select "dueOn", title, "ruleKey" from "Task" where "caseId" = c.id and "completedAt" is null order by "dueOn" limit 1) t on true
    left join lateral (select "startedOn" from "DetentionEpisode" where "caseId" = c.id and "releasedOn" is null order by "startedOn" limit 1) d on true`;

/** A list row as LIST_ROW_SELECT gives it, from its plain join. */
function listRowOf({ teamName, caseworkerName, dueOn, title, ruleKey, startedOn, ...row }: FlatListRow): ListRow {
  return {
    ...row,
    team: { name: teamName },
    caseworker: caseworkerName === null ? null : { name: caseworkerName },
    tasks: dueOn === null ? [] : [{ dueOn, title: title!, ruleKey }],
    detentions: startedOn === null ? [] : [{ startedOn }],
  };
}

/**
 * A page of a search's cases, read by their ids (already in the actor's
 * scope), in the order given, prepared once per connection.
 */
async function rowsByIds(reader: Db, ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  const rows = await reader.$queryRaw<FlatListRow[]>`select ${prepareAnyway} ${LIST_ROW_COLUMNS}
    from "Case" c ${LIST_ROW_JOINS}
    where c.id = any(${ids}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, listRowOf(row)]));
  return ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
}

/**
 * The conditions of an unsearched list on a table keeping a case's team,
 * status, caseworker, sensitivity and nationality (a case `c`, or a row of
 * the case-count rollup), when the actor sees whole teams
 * (teamColumnScope) and the list is narrowed by nothing else: such a list
 * is counted from the rollup rather than case by case (a supervisor's
 * list of 50,000 cases) and read by teamList. Null otherwise.
 */
function rolledUpConditions(actor: Actor, params: CaseListParams): ((alias: "c" | "r") => Prisma.Sql) | null {
  const teams = teamColumnScope(actor);
  const { status, team, caseworker, sensitivity, nationality } = params;
  // Any other filter (hasFilters: one added later is read the general way too).
  if (!teams || hasFilters({ ...params, status: undefined, team: undefined, caseworker: undefined, sensitivity: undefined, nationality: undefined })) return null;
  return (alias) => {
    const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
    const conditions = [
      teams.teamId ? Prisma.sql`${column("teamId")} = ${teams.teamId}::uuid` : null,
      team ? Prisma.sql`${column("teamId")} = ${team}::uuid` : null,
      status ? Prisma.sql`${column("status")} = ${status}::"CaseStatus"` : null,
      caseworker ? Prisma.sql`${column("caseworkerId")} = ${caseworker}::uuid` : null,
      sensitivity ? Prisma.sql`${column("sensitivity")} = ${sensitivity}::"Sensitivity"` : null,
      nationality ? Prisma.sql`${column("nationality")} = ${nationality}` : null,
    ].filter((condition) => condition !== null);
    return conditions.length ? Prisma.join(conditions, " and ") : Prisma.sql`true`;
  };
}

/**
 * A supervisor's unsearched list narrowed only by what the case-count
 * rollup is kept by (rolledUpConditions): its totals from the rollup and
 * its page of rows in one statement, which on the primary also records
 * the view (listView's row, with the total), where the ORM's way took three
 * (the totals, the page's nested read, the audit row) and most of the
 * page's server time. Planned at each view, as the ORM's list was: a page
 * in list order over a team is read well by a plan that knows the team
 * (prisma-client). Null for any other list. Its tests compare it with the
 * general way (queries.integration.test).
 */
async function teamList(reader: Db, actor: Actor, params: CaseListParams, ip: string | null): Promise<{ search: null; listed: Listed; recorded: boolean } | null> {
  const where = rolledUpConditions(actor, params);
  if (!where) return null;
  const recording = reader === db;
  const viewed = recording ? Prisma.sql`, viewed as (${auditStep(listView(actor, params, ip), Prisma.sql`jsonb_build_object('results', (select total from totals))`)})` : Prisma.empty;
  const order = ORDER_SQL[params.sort](params.dir);
  const rows = await reader.$queryRaw<(Omit<FlatListRow, "id"> & { id: string | null; total: number; people: number })[]>`
    ${planEachTime} with totals as (
      select coalesce(sum(r.count), 0)::int as total, coalesce(sum(r.people), 0)::int as people from "RollupCaseCount" r where ${where("r")}
    ), page as (
      select c.id from "Case" c where ${where("c")} order by ${order} offset ${(params.page - 1) * PAGE_SIZE} limit ${PAGE_SIZE}
    )${viewed}
    select totals.total, totals.people, ${LIST_ROW_COLUMNS}
    from totals left join (page join "Case" c on c.id = page.id ${LIST_ROW_JOINS}) on true
    order by ${order}`;
  const [{ total, people }] = rows;
  const page = rows.flatMap(({ id, total: _total, people: _people, ...row }) => (id === null ? [] : [listRowOf({ ...row, id })]));
  return { search: null, listed: { rows: () => Promise.resolve(page), totals: { total, people }, matching: null, members: null }, recorded: recording };
}

type ListRow = Prisma.CaseGetPayload<{ select: typeof LIST_ROW_SELECT }>;

/**
 * A supervisor's search by words, with nothing else narrowing the list: the
 * search's words, and the page of the cases found in the list's order with
 * their totals, in one statement. The words are worked out in it
 * (nameWordsOnEitherSideFrom) rather than in a statement of their own. The
 * matching people of the supervisor's teams (teamColumnScope, on the team
 * each person carries) are gathered first (materialized, so PostgreSQL
 * never walks the team's cases testing each one's people: see
 * searchWhere), then joined to their cases, which are held to the same
 * teams, and sorted; only the page's cases are read in full, as rows of
 * the list (LIST_ROW_COLUMNS: a name search on a team of 50,000 cases
 * finds some 300). Null for everyone else and for any
 * other filter: the words are then worked out alone and the list found the
 * general way. `listed` is null for a search too broad to gather whole
 * (over SEARCH_ID_LIMIT people) and for one that finds nothing, which then
 * goes the general way too (and compares spellings: SearchMode). Each case
 * of the page comes with the household member it was found by when that
 * was not its principal, so saying who matched needs no statement more.
 * On the primary the statement also records the view (listView's row, with
 * the number found) when it lists the cases itself, so the view costs no
 * round trip of its own; `recorded` says it did.
 */
async function teamSearch(
  reader: Db,
  actor: Actor,
  params: CaseListParams,
  q: string,
  ip: string | null,
): Promise<{ search: NameSearch; listed: Listed | null; recorded: boolean } | null> {
  const teams = teamColumnScope(actor);
  // Any filter besides the search (hasFilters: a filter added later goes the general way too).
  if (!teams || hasFilters({ ...params, q: undefined }) || isCaseCode(q.toUpperCase()) || isCaseCodeStart(q)) return null;
  const inTeams = (alias: "c" | "p") => (teams.teamId ? Prisma.sql`${Prisma.raw(alias)}."teamId" = ${teams.teamId}::uuid` : Prisma.sql`true`);
  const first = (params.page - 1) * PAGE_SIZE;
  const order = ORDER_SQL[params.sort](params.dir);
  // A replica cannot insert: there the view is recorded by listCases.
  const recording = reader === db;
  // Kept prepared when some word of the search has three letters or more:
  // PostgreSQL may then run it on a generic plan, the one such a search
  // gets anyway (the people's indexes), and spare planning it at each
  // search (0.5 ms). A search of shorter words is planned each time: no
  // index narrows it, and only a plan made for the text reads the team in
  // order and stops at the limit (two letters: 9 ms against 48 on the
  // generic plan; docs/benchmarks.md, sessions 37 and 43).
  const kept = foldForSearch(q).split(/\s+/).some((word) => [...word].length >= 3) ? prepareAnyway : planEachTime;
  // Whether the statement lists the cases itself: it found some, and gathered them whole.
  const listsItself = Prisma.sql`(select total from totals) > 0 and (select count(*) from matched) <= ${SEARCH_ID_LIMIT}`;
  const viewed = recording
    ? Prisma.sql`, viewed as (${auditStep(listView(actor, params, ip), Prisma.sql`jsonb_build_object('results', (select total from totals))`, listsItself)})`
    : Prisma.empty;
  // The people are gathered up to the general way's bound (SEARCH_ID_LIMIT
  // people), so a broad search stops reading at once and goes the general way.
  // The team a person carries spares reading other teams' cases (a third of
  // the statement's reads on the bench); the case's own team is still what
  // the list is held to, so a copy out of step could only hide a case.
  // One row at least (the words), with a case of the page if there is one.
  type Row = Record<NameKeySide, string[]> & Omit<FlatListRow, "id"> & { id: string | null; member: string | null; total: bigint; people: bigint; listsItself: boolean };
  const rows = await reader.$queryRaw<Row[]>`
    ${kept} with words as materialized (${searchWords(q)}),
    matched as materialized (
      select p."caseId" as id, p."latinName" as name, p.relationship = 'PRINCIPAL' as principal, p.position
      from "Person" p where ${personMatchesBy(q, nameWordsOnEitherSideFrom(Prisma.sql`words`))} and ${inTeams("p")} limit ${SEARCH_ID_LIMIT + 1}
    ), by_case as (
      -- Who each case was found by, as matchedMembers says it: no one if its
      -- principal matched, else the first other member in household order.
      -- Each case's first row with its principal first, else its members in
      -- household order: one sort of the people found, where an ordered
      -- array_agg sorted each case's people on their own (0.5 ms a search).
      select distinct on (id) id, principal as "principalMatched", name as member
      from matched order by id, principal desc, position
    ), found as materialized (
      -- With the columns each order sorts by, so that only the page is sorted in full.
      select c.id, c."householdSize", case when m."principalMatched" then null else m.member end as member, c."updatedAt", c."openedAt", c.code, c."principalName"
      from by_case m join "Case" c on c.id = m.id
      where ${inTeams("c")}
    ), totals as (
      select count(*) as total, coalesce(sum("householdSize"), 0) as people from found
    )${viewed}
    select w.korean, w.other, f.member, n.total, n.people, ${listsItself} as "listsItself", ${LIST_ROW_COLUMNS}
    from words w cross join totals n
    left join ((select * from found c order by ${order} offset ${first} limit ${PAGE_SIZE}) f join "Case" c on c.id = f.id ${LIST_ROW_JOINS}) on true
    order by ${order}`;
  const [{ korean, other, total, people, listsItself: listed }] = rows;
  const search: NameSearch = { q, words: { korean, other }, keys: NO_KEYS };
  if (!listed) return { search, listed: null, recorded: false };
  const page = rows.flatMap(({ korean: _korean, other: _other, member: _member, total: _total, people: _people, listsItself: _listed, id, ...row }) =>
    id === null ? [] : [listRowOf({ ...row, id })],
  );
  const members = new Map(rows.flatMap((row) => (row.id === null || row.member === null ? [] : [[row.id, row.member] as const])));
  return { search, listed: { rows: () => Promise.resolve(page), totals: { total: Number(total), people: Number(people) }, matching: null, members }, recorded: recording };
}

/** A list's totals, one page of its cases still to read, and who matched a search (if known already). */
type Listed = { rows: () => Promise<ListRow[]>; totals: { total: number; people: number }; matching: MatchingPerson[] | null; members: Map<string, string> | null };

/** A search's cases, all found and in order: their totals, and one page of them to read. */
function foundCases(reader: Db, found: { id: string; householdSize: number }[], params: CaseListParams, matching: MatchingPerson[]): Listed {
  const ids = found.slice((params.page - 1) * PAGE_SIZE, params.page * PAGE_SIZE).map((c) => c.id);
  const totals = { total: found.length, people: found.reduce((sum, c) => sum + c.householdSize, 0) };
  return { rows: () => rowsByIds(reader, ids), totals, matching, members: null };
}

/**
 * The list's totals, and one page of its cases still being read (so the
 * view's audit row, which records the total, can be written beside it),
 * for the cases the search (if any) found the given way.
 */
async function listedCases(reader: Db, actor: Actor, params: CaseListParams, search: NameSearch | null, mode: SearchMode): Promise<Listed> {
  const searched = search ? await searchWhere(search, mode) : null;
  const where: Prisma.CaseWhereInput = {
    AND: [
      caseScope(actor),
      searched?.where ?? {},
      params.status ? { status: params.status } : {},
      params.team ? { teamId: params.team } : {},
      params.caseworker ? { caseworkerId: params.caseworker } : {},
      params.nationality ? { nationality: params.nationality } : {},
      ...drillThroughWhere(params),
    ],
  };
  if (searched?.matching) {
    // A search's cases, few enough to count and to sort whole (by the
    // database, so names sort by its collation as in an unsearched list).
    // Not asked for one page: with a limit, PostgreSQL may walk the team's
    // cases in the list's order testing each against the ids (40 ms for
    // 600 ids at 50,000 cases); sorting the few found takes a millisecond.
    const found = await reader.case.findMany({ where, select: { id: true, householdSize: true }, orderBy: ORDER[params.sort](params.dir) });
    return foundCases(reader, found, params, searched.matching);
  }
  // Households and the people in them: a dashboard figure counts people, and the list shows the same number.
  const counted = reader.case
    .aggregate({ where, _count: { _all: true }, _sum: { householdSize: true } })
    .then((a) => ({ total: a._count._all, people: a._sum.householdSize ?? 0 }));
  // The page's rows are read beside the count and awaited through `rows`:
  // a failure is thrown there (the empty handler only keeps it from being
  // reported as unhandled while the count is awaited, or if the count fails).
  const page: Promise<ListRow[]> = reader.case.findMany({ where, orderBy: ORDER[params.sort](params.dir), skip: (params.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: LIST_ROW_SELECT });
  page.catch(() => {});
  return { rows: () => page, totals: await counted, matching: null, members: null };
}

/**
 * A list view's audit row, but for the number of cases found (`results`): a
 * list view is audited like any view; the search text is left out because
 * it is usually a person's name.
 */
function listView(actor: Actor, params: CaseListParams, ip: string | null): Omit<AuditEntry, "detail"> & { detail: ViewDetail } {
  return {
    actorId: actor.id,
    action: "case.list",
    entity: "Case",
    ip,
    detail: {
      searched: Boolean(params.q),
      status: params.status ?? null,
      team: params.team ?? null,
      caseworker: params.caseworker ?? null,
      nationality: params.nationality ?? null,
      drillThrough: drillThroughWhere(params).filter((w) => Object.keys(w).length).length,
      page: params.page,
    },
  };
}

export async function listCases(actor: Actor, params: CaseListParams, ip: string | null = null) {
  // A supervisor's list may be read from a replica (lib/read-replica).
  const reader = await readDbFor(actor);
  // The search's words (and, if needed, spellings) are worked out once, for
  // finding the cases and for saying who in them matched: with a
  // supervisor's search, in its one statement.
  // A supervisor's unsearched list, narrowed by what the rollup counts, in its one statement too.
  const quick = params.q ? await teamSearch(reader, actor, params, params.q, ip) : await teamList(reader, actor, params, ip);
  let search = quick?.search ?? (params.q ? await nameSearch(params.q) : null);
  let mode: SearchMode = "words";
  let listed = quick?.listed ?? (await listedCases(reader, actor, params, search, mode));
  // Nothing the reader may see has the search's words: compare spellings (SearchMode).
  if (search && listed.totals.total === 0) {
    const spelt = await withSpellings(search);
    if (NAME_KEY_SIDES.some((side) => spelt.keys[side].length > 0)) {
      search = spelt;
      mode = "alike";
      listed = await listedCases(reader, actor, params, search, mode);
    }
  }
  const { total, people } = listed.totals;
  // The row needs only the total, so it is written while the page's rows
  // are read (unless the search's statement wrote it).
  const view = listView(actor, params, ip);
  const rows = quick?.recorded ? await listed.rows() : await readWhileAuditing(listed.rows, recordAudit(db, { ...view, detail: { ...view.detail, results: total } }));
  const members = !search ? new Map<string, string>() : (listed.members ?? (await matchedMembers(search, mode, rows.map((r) => r.id), listed.matching)));
  return {
    rows: rows.map((row) => ({ ...row, matchedMember: members.get(row.id) ?? null })),
    total,
    people,
    page: params.page,
    pageSize: PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>["rows"][number];

/** The codes of restricted cases in the actor's team they may know exist but not open (see restrictedCodeScope). */
export async function restrictedCodes(actor: Actor): Promise<string[]> {
  const scope = restrictedCodeScope(actor);
  if (!scope) return [];
  const rows = await db.case.findMany({ where: { AND: [scope, { status: { not: "CLOSED" } }] }, orderBy: { code: "asc" }, select: { code: true }, take: 200 });
  return rows.map((r) => r.code);
}

// Changes shown on the timeline; views, lists and sign-ins stay in the audit
// log only. The audit log's trigger that copies a case's changes to
// CaseChange writes the same list out (migration
// 20261204094354_case_changes); the timeline's tests check they agree.
export const TIMELINE_ACTIONS: AuditAction[] = [
  "case.create",
  "case.update",
  "person.create",
  "person.update",
  "proceeding.create",
  "proceeding.transition",
  "task.create",
  "detention.create",
  "detention.update",
  "fine.create",
  "fine.payment",
  "expense.create",
  "document.create",
  "hearing.create",
  "hearing.update",
  "incident.create",
  "counsel.assign",
  "closure.request",
  "closure.approve",
  "closure.return",
  "case.reassign",
  "case.merge",
];

/** `on`: the day it happened; `at`: when it was recorded (none for the arrival, known only as a date). */
export type TimelineEntry = { on: CalendarDate } & (
  | { kind: "note"; id: string; at: Date; author: string; noteKind: string; body: string; confidential: boolean }
  | { kind: "change"; id: string; at: Date; actor: string | null; action: string; entity: string; fields: string[]; detail: Record<string, unknown> | null }
  | { kind: "arrival"; id: string; at: null; entryPoint: string | null }
);

/** The arrival in Thailand, as the case file's journey holds it (the timeline's entry for it). */
export type Arrival = { entryDate: Date | null; entryPoint: string | null };

/** A page of the timeline, newest first (its size is the lists', ROWS_PER_PAGE), and whether older entries follow. */
export type TimelinePage = { entries: TimelineEntry[]; page: number; older: boolean };

/**
 * What the timeline reads of a case's notes for its page `page`: the first
 * page × size the actor may read (and one more, to know whether older
 * follow), newest first. Read alone by getTimeline, or as a relation of
 * the case in a statement the page makes anyway (caseOverview), one round
 * trip fewer.
 */
export function timelineNotes(actor: Actor, page: number) {
  return {
    where: noteScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page * ROWS_PER_PAGE + 1,
    select: { id: true, createdAt: true, kind: true, body: true, confidential: true, author: { select: { name: true } } },
  } satisfies Prisma.Case$notesArgs;
}
export type TimelineNote = Prisma.NoteGetPayload<{ select: ReturnType<typeof timelineNotes>["select"] }>;

/**
 * Notes the actor may read, the recorded changes and the arrival in
 * Thailand, ordered by the day each happened (newest first), then by when
 * it was recorded: a surrender recorded today about last week sits in last
 * week, where the gap before it shows. One page at a time, so a case of
 * years with hundreds of notes opens as fast as a new one, and every older
 * entry is a page away. Each source is read in that same order, so the
 * first `page × size` of each hold every entry of the page (one more says
 * whether another page follows). Not counted: counting a case's changes
 * reads every month of the audit log, 10 ms on a case of ten years.
 * `readNotes`: the notes as timelineNotes reads them for this page (or a
 * later one), when the page has read them with something else.
 */
export async function getTimeline(access: CaseAccess, journey: Arrival | null, page = 1, readNotes?: Promise<TimelineNote[]>): Promise<TimelinePage> {
  const { actor, caseId } = access;
  const depth = page * ROWS_PER_PAGE;
  const { where, ...noteArgs } = timelineNotes(actor, page);
  const [notes, changes] = await Promise.all([
    readNotes ?? db.note.findMany({ where: { AND: [{ caseId }, where] }, ...noteArgs }),
    // The changes of this case and of the cases merged into it, ordered as
    // the timeline is (by the day it happened, then when recorded), with who
    // made each: one statement over the audit log's copies of them
    // (CaseChange), not the log's hundred month tables. Its plan does not
    // hang on the case, so it is kept (prepareAnyway).
    db.$queryRaw<{ id: bigint; at: Date; action: string; entity: string; fields: string[]; actor: string | null; detail: unknown; occurredOn: Date | null }[]>`
      select ${prepareAnyway} c."auditId" as id, c.at, c.action, c.entity, c.fields, u.name as actor, c.detail, c."occurredOn"
      from "CaseChange" c left join "User" u on u.id = c."actorId"
      where c."caseId" = any(array(select ${caseId}::uuid union all select m."mergedCaseId" from "CaseMerge" m where m."survivingCaseId" = ${caseId}::uuid))
      order by c.day desc, c.at desc, c."auditId" desc
      limit ${depth + 1}`,
  ]);
  const entries: TimelineEntry[] = [
    ...notes.map((note) => ({
      kind: "note" as const,
      id: note.id,
      on: bangkokDate(note.createdAt),
      at: note.createdAt,
      author: note.author.name,
      noteKind: note.kind,
      body: note.body,
      confidential: note.confidential,
    })),
    ...changes.map((change) => ({
      kind: "change" as const,
      id: String(change.id),
      on: change.occurredOn ? isoDate(change.occurredOn) : bangkokDate(change.at),
      at: change.at,
      actor: change.actor,
      action: change.action,
      entity: change.entity,
      fields: change.fields,
      detail: change.detail && typeof change.detail === "object" && !Array.isArray(change.detail) ? (change.detail as Record<string, unknown>) : null,
    })),
  ];
  if (journey?.entryDate) entries.push({ kind: "arrival", id: "arrival", on: isoDate(journey.entryDate), at: null, entryPoint: journey.entryPoint });
  const recorded = (entry: TimelineEntry) => entry.at?.getTime() ?? 0;
  // A total order (kind and id break ties), so each page follows the one before it exactly.
  entries.sort((a, b) => (a.on !== b.on ? (a.on < b.on ? 1 : -1) : recorded(b) - recorded(a) || a.kind.localeCompare(b.kind) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)));
  const shown = entries.slice((page - 1) * ROWS_PER_PAGE, depth);
  // A page past the end (entries deleted since, or an edited link) is the last one.
  // The notes already read reach deeper than that page needs.
  if (shown.length === 0 && page > 1) return getTimeline(access, journey, Math.max(1, Math.ceil(entries.length / ROWS_PER_PAGE)), Promise.resolve(notes));
  return { entries: shown, page, older: entries.length > depth };
}

/**
 * Teams and assignable staff for intake, reassignment and list filters: the
 * actor's own team, plus every team they oversee as a supervisor. With
 * `teamId`, only that team's staff (editing a case of that team).
 */
export async function assignmentOptions(actor: Actor, teamId?: string) {
  // One plain statement, kept prepared: each working team (workingTeamIds)
  // with its staff, a row each (every list page shows them; the ORM's read
  // of teams with their users cost the list 0.6 ms of the server's time).
  const teamIds = workingTeamIds(actor);
  if (teamIds !== "every" && teamIds.length === 0) return { teams: [], staff: [] };
  const inTeams = teamIds === "every" ? Prisma.sql`true` : Prisma.sql`t.id = any(${[...teamIds]}::uuid[])`;
  const rows = await db.$queryRaw<{ teamId: string; teamName: string; id: string | null; name: string | null; role: Role | null }[]>`
    select t.id::text as "teamId", t.name as "teamName", u.id::text, u.name, u.role::text as role
    from "Team" t left join "User" u on u."teamId" = t.id and u.role in ('CASEWORKER', 'SUPERVISOR') and u.active
    where ${inTeams} order by t.name, t.id, u.name, u.id`;
  const found = new Map<string, { id: string; name: string; users: { id: string; name: string; role: Role }[] }>();
  for (const row of rows) {
    const team = found.get(row.teamId) ?? found.set(row.teamId, { id: row.teamId, name: row.teamName, users: [] }).get(row.teamId)!;
    if (row.id !== null) team.users.push({ id: row.id, name: row.name!, role: row.role! });
  }
  const teams = [...found.values()].map(({ id, name }) => ({ id, name }));
  // Each team's staff come by name; several teams' are merged by name (code point order, as the database's C.UTF-8 collation orders them).
  const chosen = [...found.values()].filter((team) => !teamId || team.id === teamId);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const staff = chosen.length === 1 ? chosen[0].users : chosen.flatMap((team) => team.users).sort(byName);
  return { teams, staff };
}

/** Whether a person (if one is named) belongs to the case: forms must not attach records to someone else's household. */
export async function personBelongsToCase(access: CaseAccess, personId: string | null): Promise<boolean> {
  if (!personId) return true;
  if (!isUuid(personId)) return false;
  return (await db.person.count({ where: { id: personId, caseId: access.caseId } })) === 1;
}

/** A case's protection incidents, newest first. */
export const CASE_INCIDENTS = {
  orderBy: { occurredOn: "desc" },
  select: { id: true, occurredOn: true, kind: true, severity: true, description: true },
} satisfies Prisma.Case$incidentsArgs;
