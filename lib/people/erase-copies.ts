import "server-only";
// An erasure reaches every copy of the person Waypoint made, not only their
// record: what a referral shared with a partner, what a merge kept of the
// case it absorbed, and the rows of import batches (files not yet imported,
// error reports of rows that were not). Called inside the erasure's
// transaction, with what the person was recorded as before it.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { parse } from "csv-parse/sync";
import { foldForSearch } from "@/lib/people/search-text";

export type ErasedPerson = {
  personId: string;
  caseId: string;
  teamId: string;
  /** Where the person stood in the household: the entry of a referral sent before entries carried ids. */
  index: number;
  latinName: string;
  nativeName: string | null;
  aliases: string[];
  unhcrNumber: string | null;
  documentNumber: string | null;
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The values that identify the person, folded for comparison (names of three letters or fewer are too common to match on). */
function identifiers(person: ErasedPerson): Set<string> {
  const values = [person.latinName, person.nativeName, ...person.aliases, person.unhcrNumber, person.documentNumber];
  return new Set(values.filter((v): v is string => Boolean(v && v.trim().length > 3)).map(foldForSearch));
}

const mentions = (text: unknown, ids: Set<string>) => typeof text === "string" && [...ids].some((id) => foldForSearch(text).includes(id));

export async function eraseCopies(tx: Tx, person: ErasedPerson) {
  const ids = identifiers(person);
  const erased = { referrals: 0, merges: 0, importRows: 0, consents: 0 };

  // Referrals: the household entry shared.
  const referrals = await tx.referral.findMany({ where: { caseId: person.caseId }, select: { id: true, shared: true } });
  for (const referral of referrals) {
    const shared = isObject(referral.shared) ? referral.shared : null;
    const household = Array.isArray(shared?.household) ? (shared.household as Json[]) : null;
    let changed = false;
    // Entries carry the person's id since this was built; older ones are found by name, number or place.
    const hasIds = household?.some((e) => typeof e.personId === "string") ?? false;
    const entries = household?.map((entry, index) => {
      const isThem = hasIds ? entry.personId === person.personId : mentions(entry.name, ids) || mentions(entry.unhcrNumber, ids) || (!("name" in entry) && index === person.index);
      if (!isThem || entry.erased) return entry;
      changed = true;
      return { erased: true };
    });
    if (changed) {
      await tx.referral.update({ where: { id: referral.id }, data: { shared: { ...shared, household: entries } as Prisma.InputJsonValue } });
      erased.referrals++;
    }
  }

  // Consents: their history stays (purpose, dates, how given); the note carried over from an old referral may name them.
  const consents = await tx.consent.findMany({ where: { caseId: person.caseId, note: { not: null } }, select: { id: true, personId: true, note: true } });
  for (const consent of consents) {
    if (consent.personId === person.personId || mentions(consent.note, ids)) {
      await tx.consent.update({ where: { id: consent.id }, data: { note: null } });
      erased.consents++;
    }
  }

  // Merges into this case: the merged case's own record of the person.
  const merges = await tx.caseMerge.findMany({ where: { survivingCaseId: person.caseId }, select: { id: true, record: true } });
  for (const merge of merges) {
    const record = isObject(merge.record) ? merge.record : null;
    const people = Array.isArray(record?.people) ? (record.people as Json[]) : null;
    const samePeople = Array.isArray(record?.samePeople) ? (record.samePeople as [string, string][]) : [];
    let changed = false;
    const kept = people?.map((entry) => {
      const isThem =
        entry.id === person.personId ||
        samePeople.some(([from, to]) => from === entry.id && to === person.personId) ||
        mentions(entry.latinName, ids) ||
        mentions(entry.unhcrNumber, ids);
      if (!isThem || entry.erased) return entry;
      changed = true;
      return { id: entry.id, erased: true };
    });
    if (changed) {
      await tx.caseMerge.update({ where: { id: merge.id }, data: { record: { ...record, people: kept } as Prisma.InputJsonValue } });
      erased.merges++;
    }
  }

  // Import batches of the team: rows of files not yet imported, and lines of error reports.
  if (ids.size) {
    const batches = await tx.importBatch.findMany({ where: { teamId: person.teamId, OR: [{ status: { not: "IMPORTED" } }, { errorReport: { not: null } }] }, select: { id: true, table: true, errorReport: true } });
    for (const batch of batches) {
      const data: Prisma.ImportBatchUpdateInput = {};
      const table = isObject(batch.table) && Array.isArray(batch.table.rows) ? (batch.table as { headers: string[]; rows: string[][] }) : null;
      if (table) {
        const rows = table.rows.filter((row) => !row.some((cell) => mentions(cell, ids)));
        if (rows.length !== table.rows.length) {
          erased.importRows += table.rows.length - rows.length;
          data.table = { ...table, rows } as Prisma.InputJsonValue;
        }
      }
      if (batch.errorReport) {
        const lines = reportLines(batch.errorReport);
        const kept = lines.filter((line, index) => index === 0 || !mentions(line, ids));
        if (kept.length !== lines.length) {
          erased.importRows += lines.length - kept.length;
          data.errorReport = kept.length > 1 ? kept.join("\r\n") + "\r\n" : null;
        }
      }
      if (Object.keys(data).length) await tx.importBatch.update({ where: { id: batch.id }, data });
    }
  }
  return erased;
}

/** An error report's records, each as its text (csv-parse keeps a quoted line break inside its record). */
function reportLines(report: string): string[] {
  try {
    const records = parse(report, { raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as { raw: string }[];
    return records.map((r) => r.raw.replace(/\r?\n?$/, "").replace(/\r$/, ""));
  } catch {
    // A report that cannot be read is left whole rather than cut wrongly.
    return [report];
  }
}
