import "server-only";
// Spreadsheet import: upload → map columns → check every row (errors and
// possible duplicates) → import the valid rows in one transaction, or none.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { caseScope, supervisesTeam, type Actor } from "@/lib/policy";
import { csvLine } from "@/lib/exports/cells";
import { journeyData, personData } from "@/lib/cases/create-case";
import { reserveCaseCodes } from "@/lib/cases/codes";
import type { PersonField } from "@/lib/people/fields";
import type { Table } from "./read-table";
import type { ColumnMapping } from "./fields";
import { checkRows, mappingProblems, type RowProblem, type ValidRow } from "./rows";
import { dbDate } from "@/lib/dates";

/** A batch this supervisor may work on: one they uploaded for a team they oversee, not yet imported. */
export async function importBatch(actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const batch = await db.importBatch.findFirst({ where: { id, createdById: actor.id } });
  if (!batch || !supervisesTeam(actor, batch.teamId)) return null;
  return batch;
}

export function batchTable(batch: { table: unknown }): Table | null {
  return (batch.table as Table | null) ?? null;
}

/** A row that may be someone already registered (`cases`), or the same person as an earlier row of the file (`sameAsRow`). */
/** `code: null`: one entry for any matches in cases the actor may not open, with nothing about them. */
export type DuplicateWarning = { row: number; cases: { code: string | null }[]; sameAsRow: number | null };

/**
 * Possible earlier registrations of the rows, all at once: the same UNHCR
 * or document number, or one of the same name spellings (waypoint_name_keys:
 * accents, word order, Romanised Korean variants) with the same nationality
 * and a birth year no more than one apart. The same test finds a person
 * entered twice in the file itself (old registers often are): the later row
 * is the one warned about. Codes are shown only for cases the actor may open.
 */
export async function duplicateWarnings(actor: Actor, rows: ValidRow[]): Promise<DuplicateWarning[]> {
  if (rows.length === 0) return [];
  const matches = await db.$queryRaw<{ row: number; caseId: string | null; code: string | null; sensitivity: string | null; sameAsRow: number | null }[]>`
    with probe as (
      select * from unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.person.latinName)}::text[], ${rows.map((r) => r.person.nativeName ?? "")}::text[],
                           ${rows.map((r) => r.person.nationality)}::text[], ${rows.map((r) => r.person.dateOfBirth.birthYear)}::int[],
                           ${rows.map((r) => r.person.unhcrNumber)}::text[], ${rows.map((r) => r.person.documentNumber)}::text[])
             as t(row, latin, native, nationality, birth_year, unhcr, document)
    ), probe_keys as (
      select row, nationality, birth_year, unnest(waypoint_name_keys(array[latin, native], nationality = 'KP')) as key from probe
    ), candidates as (
      -- Every stored spelling, hash-joined with the rows' spellings: one pass, however many rows.
      select p."caseId", p.nationality, p."birthYear", unnest(string_to_array(p."nameKeys", ' | ')) as key from "Person" p where p."nameKeys" <> ''
    ), found as (
      select k.row, s."caseId" from probe_keys k join candidates s on s.key = k.key and s.nationality = k.nationality
        and (k.birth_year is null or s."birthYear" is null or abs(s."birthYear" - k.birth_year) <= 1)
      union select pr.row, p."caseId" from probe pr join "Person" p on p."unhcrNumber" = pr.unhcr
      union select pr.row, p."caseId" from probe pr join "Person" p on p."documentNumber" = pr.document
    ), in_file as (
      select later.row, earlier.row as earlier from probe_keys later join probe_keys earlier on earlier.key = later.key
        and earlier.nationality = later.nationality and earlier.row < later.row
        and (later.birth_year is null or earlier.birth_year is null or abs(earlier.birth_year - later.birth_year) <= 1)
      union select later.row, earlier.row from probe later join probe earlier on earlier.unhcr = later.unhcr and earlier.row < later.row
      union select later.row, earlier.row from probe later join probe earlier on earlier.document = later.document and earlier.row < later.row
    )
    select f.row, c.id as "caseId", c.code, c.sensitivity::text as sensitivity, null::int as "sameAsRow" from found f join "Case" c on c.id = f."caseId"
    union all
    select row, null, null, null, min(earlier) from in_file group by row
    order by row, code`;
  const caseIds = [...new Set(matches.flatMap((m) => (m.caseId ? [m.caseId] : [])))];
  const visible = new Set((await db.case.findMany({ where: { AND: [{ id: { in: caseIds } }, caseScope(actor)] }, select: { id: true } })).map((c) => c.id));
  const byRow = new Map<number, DuplicateWarning>();
  for (const m of matches) {
    const warning = byRow.get(m.row) ?? { row: m.row, cases: [], sameAsRow: null };
    if (m.caseId && visible.has(m.caseId)) warning.cases.push({ code: m.code });
    else if (m.caseId && !warning.cases.some((c) => c.code === null)) warning.cases.push({ code: null });
    else warning.sameAsRow = m.sameAsRow;
    byRow.set(m.row, warning);
  }
  return [...byRow.values()];
}

export type ImportCheck = {
  total: number;
  valid: ValidRow[];
  problems: RowProblem[];
  duplicates: DuplicateWarning[];
  mapping: { field: string; message: string }[];
};

export async function checkImport(actor: Actor, table: Table, mapping: ColumnMapping): Promise<ImportCheck> {
  const mappingIssues = mappingProblems(table, mapping);
  if (mappingIssues.length) return { total: table.rows.length, valid: [], problems: [], duplicates: [], mapping: mappingIssues };
  const { valid, problems } = checkRows(table, mapping);
  return { total: table.rows.length, valid, problems, duplicates: await duplicateWarnings(actor, valid), mapping: [] };
}

/** The rows not imported, as the spreadsheet had them, with what is wrong first; formula-looking cells neutralised. */
export function errorReportCsv(table: Table, rejected: Map<number, string[]>): string {
  let csv = "\uFEFF" + csvLine(["Row", "Problems", ...table.headers]);
  for (const [row, reasons] of [...rejected].sort((a, b) => a[0] - b[0])) csv += csvLine([row, reasons.join("; "), ...table.rows[row - 2]]);
  return csv;
}

const CHUNK = 2000;

// Columns written by an import, with their PostgreSQL types.
const CASE_COLUMNS = {
  id: "uuid", code: "text", teamId: "uuid", principalName: "text", principalNativeName: "text", nationality: "text", householdSize: "int",
  openedAt: "timestamp(3)", createdAt: "timestamp(3)", updatedAt: "timestamp(3)", updatedById: "uuid",
};
// Every person field (lib/people/fields) has its column type here, or this does not compile.
const PERSON_FIELD_COLUMNS = {
  relationship: '"Relationship"', latinName: "text", nativeName: "text", aliases: "text[]", birthYear: "int", birthDate: "date",
  sex: '"Sex"', nationality: "text", ethnicity: "text", languages: "text[]", unhcrNumber: "text", documentNumber: "text", vulnerabilities: '"Vulnerability"[]',
} satisfies Record<PersonField, string>;
const PERSON_COLUMNS = { id: "uuid", caseId: "uuid", ...PERSON_FIELD_COLUMNS, searchText: "text", position: "int", updatedAt: "timestamp(3)", updatedById: "uuid" };
const JOURNEY_COLUMNS = {
  id: "uuid", caseId: "uuid", originCountry: "text", transitCountries: "text[]", entryPoint: "text", entryDate: "date", entryMethod: "text",
  brokerFeeMinor: "int", brokerFeeCurrency: "text", updatedAt: "timestamp(3)",
};
const AUDIT_COLUMNS = { actorId: "uuid", action: "text", entity: "text", entityId: "text", caseId: "uuid", ip: "text", detail: "jsonb" };

/**
 * Many rows in one statement: they travel as one JSON array that PostgreSQL
 * unpacks (jsonb_to_recordset) — measured three times faster than Prisma's
 * createMany, which binds every value. Table and column names are the
 * constants above, never input; dates travel as ISO strings (UTC).
 */
async function insertRecords(tx: Tx, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  const names = Object.keys(columns).map((name) => `"${name}"`).join(", ");
  const types = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(", ");
  await tx.$executeRawUnsafe(`insert into "${table}" (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as r(${types})`, JSON.stringify(rows));
}

/**
 * Writes the rows as new cases of the batch's team, in one transaction:
 * all of them or none. Case codes are taken per year in one step (the
 * counter row stays locked until commit); cases, people, journeys and one
 * audit row per case are inserted in chunks, reporting progress.
 */
async function importRows(
  actor: Actor,
  batch: { id: string; teamId: string },
  rows: ValidRow[],
  ip: string | null,
  onProgress: (done: number) => void,
  finish: (tx: Tx) => Promise<void>,
) {
  await db.$transaction(
    async (tx) => {
      // One import of a batch at a time: the second waits here, then finds it done.
      const [locked] = await tx.$queryRaw<{ status: string }[]>`select status::text from "ImportBatch" where id = ${batch.id}::uuid for update`;
      if (locked?.status !== "UPLOADED") throw new Error("alreadyImported");
      const now = new Date();
      const prepared = await withCodes(tx, rows.map((row) => ({ row, openedAt: row.openedOn ? dbDate(row.openedOn) : now })));
      for (let start = 0; start < prepared.length; start += CHUNK) {
        const chunk = prepared.slice(start, start + CHUNK);
        const updatedAt = new Date();
        await insertRecords(tx, "Case", CASE_COLUMNS, chunk.map(({ id, code, row, openedAt }) => ({
          id,
          code,
          teamId: batch.teamId,
          principalName: row.person.latinName,
          principalNativeName: row.person.nativeName,
          nationality: row.person.nationality,
          householdSize: 1,
          openedAt,
          createdAt: openedAt,
          updatedAt,
          updatedById: actor.id,
        })));
        await insertRecords(tx, "Person", PERSON_COLUMNS, chunk.map(({ id, row }) => ({ id: randomUUID(), ...personData(row.person), caseId: id, position: 0, updatedAt, updatedById: actor.id })));
        await insertRecords(tx, "Journey", JOURNEY_COLUMNS, chunk.map(({ id, row }) => ({ id: randomUUID(), caseId: id, ...journeyData(row.journey), updatedAt })));
        await insertRecords(tx, "AuditLog", AUDIT_COLUMNS, chunk.map(({ id, row }) => ({ actorId: actor.id, action: "case.create", entity: "Case", entityId: id, caseId: id, ip, detail: { source: "import", batchId: batch.id, row: row.row } })));
        onProgress(start + chunk.length);
      }
      await finish(tx);
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/** Reference codes for every row, reserved as at intake (lib/cases/codes). */
async function withCodes(tx: Tx, rows: { row: ValidRow; openedAt: Date }[]) {
  const codes = await reserveCaseCodes(tx, rows.map((r) => r.openedAt));
  return rows.map(({ row, openedAt }, index) => ({ id: randomUUID(), code: codes[index], row, openedAt }));
}


export type RunOptions = { mode: "all" | "valid"; skipDuplicates: boolean };
export type RunResult =
  | { outcome: "imported"; imported: number; rejected: number }
  | { outcome: "refused"; rejected: number }
  | { outcome: "mapping" };

/**
 * Imports a checked batch. Rows with errors, and (when chosen) rows that
 * may be someone already registered, are rejected into the error report.
 * "all": any rejected row means nothing is imported. "valid": the other
 * rows are imported, all in one transaction.
 */
export async function runImport(
  actor: Actor,
  batch: { id: string; teamId: string; table: unknown },
  mapping: ColumnMapping,
  options: RunOptions,
  ip: string | null,
  describe: (message: string) => string,
  onProgress: (done: number, total: number) => void,
): Promise<RunResult> {
  const table = batchTable(batch);
  if (!table) throw new Error("alreadyImported");
  const check = await checkImport(actor, table, mapping);
  if (check.mapping.length) return { outcome: "mapping" };
  const rejected = new Map<number, string[]>();
  const reject = (row: number, reason: string) => rejected.set(row, [...(rejected.get(row) ?? []), reason]);
  for (const problem of check.problems) reject(problem.row, `${problem.column ?? problem.field}: ${describe(problem.message)}`);
  if (options.skipDuplicates) {
    for (const warning of check.duplicates) {
      const codes = warning.cases.map((c) => c.code ?? describe("importHiddenMatch"));
      if (codes.length) reject(warning.row, describe("importPossibleDuplicate") + " " + codes.join(", "));
      if (warning.sameAsRow !== null) reject(warning.row, describe("importSameAsRow") + " " + warning.sameAsRow);
    }
  }
  const report = rejected.size ? errorReportCsv(table, rejected) : null;
  const audit = (outcome: string, imported: number) =>
    ({ actorId: actor.id, action: "import.run" as const, entity: "ImportBatch", entityId: batch.id, ip, detail: { outcome, mode: options.mode, skipDuplicates: options.skipDuplicates, rows: table.rows.length, imported, rejected: rejected.size } });
  if (options.mode === "all" && rejected.size) {
    // Nothing is written but the report, so the supervisor can fix the file or choose "valid rows only".
    await db.$transaction(async (tx) => {
      await tx.importBatch.update({ where: { id: batch.id }, data: { errorReport: report, rowsRejected: rejected.size } });
      await recordAudit(tx, audit("refused", 0));
    });
    return { outcome: "refused", rejected: rejected.size };
  }
  const rows = check.valid.filter((r) => !rejected.has(r.row));
  onProgress(0, rows.length);
  await importRows(actor, batch, rows, ip, (done) => onProgress(done, rows.length), async (tx) => {
    await tx.importBatch.update({
      where: { id: batch.id },
      // The parsed cells are not kept once imported: the cases hold what was taken in, the report what was not.
      data: { status: "IMPORTED", table: Prisma.DbNull, rowsImported: rows.length, rowsRejected: rejected.size, errorReport: report, finishedAt: new Date() },
    });
    await recordAudit(tx, audit("imported", rows.length));
  });
  return { outcome: "imported", imported: rows.length, rejected: rejected.size };
}
