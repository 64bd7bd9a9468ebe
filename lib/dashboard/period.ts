import { z } from "zod";
import { parseIsoDate, todayInBangkok } from "@/lib/dates";

/** The dashboard's date range: this calendar year so far unless chosen. Invalid input falls back to the default. */
export function parsePeriod(raw: { from?: string; to?: string }) {
  const today = todayInBangkok();
  const date = z.string().refine((v) => parseIsoDate(v) !== null);
  const from = date.safeParse(raw.from).success ? raw.from! : `${today.slice(0, 4)}-01-01`;
  const to = date.safeParse(raw.to).success ? raw.to! : today;
  return from <= to ? { from, to } : { from: to, to: from };
}
