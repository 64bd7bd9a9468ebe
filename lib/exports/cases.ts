import "server-only";
// Case exports for supervisors. Pseudonymised by default: case code, year
// of birth, sex and nationality, and no names, contacts, addresses, religion
// or notes. Identifying columns need an explicit choice and a purpose, both
// audited. Rows are read in keyset pages and streamed, so memory stays flat
// however many cases there are.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { caseScope, type Actor } from "@/lib/policy";
import { csvLine } from "./cells";

const PAGE = 1000;

export const PSEUDONYMISED_COLUMNS = ["case_code", "status", "sensitivity", "team", "opened_month", "household_size", "principal_birth_year", "principal_sex", "nationality"];
export const IDENTIFYING_COLUMNS = ["principal_name", "principal_native_name", "principal_unhcr_number"];

export type ExportRequest = { identifying: boolean; purpose: string | null };

export async function auditExport(actor: Actor, request: ExportRequest, ip: string | null) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "case.export",
      entity: "Case",
      ip,
      fields: request.identifying ? [...PSEUDONYMISED_COLUMNS, ...IDENTIFYING_COLUMNS] : PSEUDONYMISED_COLUMNS,
      detail: { format: "csv", identifying: request.identifying, purpose: request.purpose },
    }),
  );
}

/** The CSV, as a stream of lines. */
export function caseCsvStream(actor: Actor, request: ExportRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte-order mark so spreadsheet programs read Thai, Hangul and Vietnamese correctly.
        controller.enqueue(encoder.encode("\uFEFF" + csvLine(request.identifying ? [...PSEUDONYMISED_COLUMNS, ...IDENTIFYING_COLUMNS] : PSEUDONYMISED_COLUMNS)));
        return;
      }
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
            select: { birthYear: true, sex: true, ...(request.identifying ? { latinName: true, nativeName: true, unhcrNumber: true } : {}) },
          },
        },
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows[rows.length - 1].id;
      let chunk = "";
      for (const row of rows) {
        const principal = row.people[0] as { birthYear: number | null; sex: string; latinName?: string; nativeName?: string | null; unhcrNumber?: string | null } | undefined;
        const bangkokMonth = new Date(row.openedAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
        const values: (string | number | null | undefined)[] = [row.code, row.status, row.sensitivity, row.team.name, bangkokMonth, row.householdSize, principal?.birthYear, principal?.sex, row.nationality];
        if (request.identifying) values.push(principal?.latinName, principal?.nativeName, principal?.unhcrNumber);
        chunk += csvLine(values);
      }
      controller.enqueue(encoder.encode(chunk));
      if (rows.length < PAGE) controller.close();
    },
  });
}
