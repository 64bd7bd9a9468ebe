import "server-only";
// Case exports for supervisors. Pseudonymised by default: case code, year
// of birth, sex and nationality, and no names, contacts, addresses, religion
// or notes. Identifying columns need an explicit choice and a purpose, both
// audited; names going to UNHCR or into a resettlement submission are given
// only for households whose principal's consent to that stands (lib/consent),
// the others are marked withheld. Rows are read in keyset pages and streamed, so memory stays flat
// however many cases there are.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { caseScope, type Actor } from "@/lib/policy";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine } from "./cells";
import { bangkokDate } from "@/lib/dates";
import { standingOn } from "@/lib/consent/consents";
import type { ExportAudience } from "./audiences";

const PAGE = 1000;

export const PSEUDONYMISED_COLUMNS = ["case_code", "status", "sensitivity", "team", "opened_month", "household_size", "principal_birth_year", "principal_sex", "nationality"];
export const IDENTIFYING_COLUMNS = ["principal_name", "principal_native_name", "principal_unhcr_number", "names_withheld"];


export type ExportRequest = { identifying: boolean; purpose: string | null; format: "csv" | "xlsx"; audience: ExportAudience };

export async function auditExport(actor: Actor, request: ExportRequest, ip: string | null) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "case.export",
      entity: "Case",
      ip,
      fields: request.identifying ? [...PSEUDONYMISED_COLUMNS, ...IDENTIFYING_COLUMNS] : PSEUDONYMISED_COLUMNS,
      detail: { format: request.format, identifying: request.identifying, purpose: request.purpose, encrypted: request.identifying, ...(request.identifying ? { audience: request.audience } : {}) },
    }),
  );
}

/** The header, then every row, read in keyset pages so memory stays flat. */
async function* caseExportRows(actor: Actor, request: ExportRequest): AsyncGenerator<(string | number | null | undefined)[]> {
  yield request.identifying ? [...PSEUDONYMISED_COLUMNS, ...IDENTIFYING_COLUMNS] : PSEUDONYMISED_COLUMNS;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.case.findMany({
      where: caseScope(actor),
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        code: true,
        status: true,
        sensitivity: true,
        openedAt: true,
        householdSize: true,
        nationality: true,
        team: { select: { name: true } },
        people: {
          where: { relationship: "PRINCIPAL" },
          take: 1,
          select: {
            birthYear: true,
            sex: true,
            ...(request.identifying ? { latinName: true, nativeName: true, unhcrNumber: true } : {}),
            // Read as the page is read: a withdrawal before this page is honoured.
            ...(request.identifying && request.audience !== "team" ? { consents: { where: { AND: [{ purpose: request.audience }, standingOn()] }, take: 1, select: { id: true } } } : {}),
          },
        },
      },
    });
    for (const row of rows) {
      const principal = row.people[0] as { birthYear: number | null; sex: string; latinName?: string; nativeName?: string | null; unhcrNumber?: string | null; consents?: unknown[] } | undefined;
      const bangkokMonth = bangkokDate(row.openedAt).slice(0, 7);
      const values: (string | number | null | undefined)[] = [row.code, row.status, row.sensitivity, row.team.name, bangkokMonth, row.householdSize, principal?.birthYear, principal?.sex, row.nationality];
      if (request.identifying) {
        const withheld = request.audience !== "team" && !principal?.consents?.length;
        values.push(...(withheld ? [null, null, null, "no standing consent"] : [principal?.latinName, principal?.nativeName, principal?.unhcrNumber, null]));
      }
      yield values;
    }
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1].id;
  }
}

/** The CSV, as a stream. */
export function caseCsvStream(actor: Actor, request: ExportRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = caseExportRows(actor, request);
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      let chunk = first ? "\uFEFF" : ""; // a byte-order mark so spreadsheets read Thai, Hangul and Vietnamese right
      first = false;
      for (let i = 0; i < PAGE; i++) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** The same rows as an XLSX workbook, written as it streams (no whole workbook in memory). */
export function caseXlsxStream(actor: Actor, request: ExportRequest): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Cases");
  (async () => {
    for await (const values of caseExportRows(actor, request)) {
      // String cells never evaluate: names are written exactly as typed (the CSV alone needs the apostrophe guard).
      sheet.addRow(values.map((v) => v ?? null)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
