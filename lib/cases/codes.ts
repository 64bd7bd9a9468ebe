// Case codes: WP-<year>-<six digits>, numbered per Bangkok year, never
// reused. One pattern for recognising them, one writer that reserves them
// (intake and spreadsheet import both ask `reserveCaseCodes`).
import { formatInTimeZone } from "date-fns-tz";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TIME_ZONE } from "@/lib/dates";

const CASE_CODE = /^WP-\d{4}-\d{6}$/;
/** What a person types when they mean a code or its start: "wp-2026-0001" finds WP-2026-000100…000199. */
const CASE_CODE_START = /^WP-\d{0,4}(-\d{0,6})?$/i;

/** Whether a text is a whole case code (anything else in a case URL is a 404 before any query). */
export function isCaseCode(text: string): boolean {
  return CASE_CODE.test(text);
}

/** Whether a search is (the start of) a case code, to be matched by prefix. */
export function isCaseCodeStart(text: string): boolean {
  return CASE_CODE_START.test(text);
}

export function formatCaseCode(year: number, number: number): string {
  return `WP-${year}-${String(number).padStart(6, "0")}`;
}

/** The Bangkok year a case opened at this instant is numbered in. */
export function codeYear(openedAt: Date): number {
  return Number(formatInTimeZone(openedAt, TIME_ZONE, "yyyy"));
}

/**
 * Reserves one code per opening time, in order, inside the caller's
 * transaction. The counter row of each year stays locked until the
 * transaction ends, so two intakes or imports at once never share a number.
 */
export async function reserveCaseCodes(tx: Pick<Prisma.TransactionClient, "$queryRaw">, openedAts: Date[]): Promise<string[]> {
  const needed = new Map<number, number>();
  for (const openedAt of openedAts) needed.set(codeYear(openedAt), (needed.get(codeYear(openedAt)) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, count] of needed) {
    const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
      insert into "CaseCodeCounter" (year, last) values (${year}, ${count})
      on conflict (year) do update set last = "CaseCodeCounter".last + ${count}
      returning last`;
    next.set(year, last - count + 1);
  }
  return openedAts.map((openedAt) => {
    const year = codeYear(openedAt);
    const number = next.get(year)!;
    next.set(year, number + 1);
    return formatCaseCode(year, number);
  });
}
