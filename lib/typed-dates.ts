// Dates as people type them (issue 18, item 3). A form keeps "YYYY-MM-DD"
// (lib/dates); a person types and reads their own convention: day/month/year
// (year first for Korean: 2026. 10. 1.), and for Thai users years of the
// Buddhist era (2569 = 2026). What is typed is read here, and the field
// shows what it was read as, so nobody's 01/10 becomes January by accident.
import { parseIsoDate } from "./dates";

/** The Buddhist era runs 543 years ahead of the Christian era. */
export const BUDDHIST_ERA_OFFSET = 543;
/** A year from here on is a Buddhist-era year (Christian 1857 onwards): no date this system holds is that early. */
const FIRST_BUDDHIST_YEAR = 2400;

export type DateConvention = { order: "dmy" | "ymd"; buddhistEra: boolean; separator: string };

export function dateConvention(locale: string): DateConvention {
  if (locale === "ko") return { order: "ymd", buddhistEra: false, separator: ". " };
  return { order: "dmy", buddhistEra: locale === "th", separator: "/" };
}

/** How a date is written for this convention, e.g. "01/10/2569" (th), "01/10/2026", "2026. 10. 01." (ko). */
export function writeTypedDate(iso: string, convention: DateConvention): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const year = String(Number(match[1]) + (convention.buddhistEra ? BUDDHIST_ERA_OFFSET : 0));
  return convention.order === "ymd" ? `${year}. ${match[2]}. ${match[3]}.` : `${match[3]}/${match[2]}/${year}`;
}

export type TypedDate = { iso: string; buddhistEra: boolean } | { invalid: true } | null;

/**
 * What a person typed, read as a calendar date: day/month/year (or
 * year/month/day, as Korean writes it, and as "YYYY-MM-DD" is, whatever the
 * convention), with / - . or spaces between. A Buddhist-era year (2400 and
 * over) is read as such for everyone: nobody means the year 2569 CE.
 * Null when nothing was typed.
 */
export function readTypedDate(text: string, convention: DateConvention): TypedDate {
  // Thai digits (๑/๑๐/๒๕๖๙) are read as the digits they are.
  const trimmed = text
    .replace(/[\u0E50-\u0E59]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .trim()
    .replace(/\.$/, "");
  if (trimmed === "") return null;
  const parts = trimmed.split(/\s*[/.\-\s]\s*/).filter(Boolean);
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return { invalid: true };
  const yearFirst = parts[0].length === 4 || (convention.order === "ymd" && parts[2].length !== 4);
  const [y, m, d] = yearFirst ? parts : [parts[2], parts[1], parts[0]];
  if (y.length !== 4 || m.length > 2 || d.length > 2) return { invalid: true };
  let year = Number(y);
  const buddhistEra = year >= FIRST_BUDDHIST_YEAR;
  if (buddhistEra) year -= BUDDHIST_ERA_OFFSET;
  const iso = `${String(year).padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return parseIsoDate(iso) ? { iso, buddhistEra } : { invalid: true };
}
