// The case list's search, filters, sort and page, read from the URL's
// search params. Invalid values fall back to defaults rather than failing:
// a hand-edited URL should still show a list.
import { z } from "@/lib/zod";
import { NATIONALITY_CODES } from "@/lib/reference/countries";
import { CASE_STATUSES, SENSITIVITIES } from "./schema";
import { isYearOrMonthParam } from "@/lib/dates";
import { cleanText } from "@/lib/forms";
import { GRAPHS, isProceedingType } from "@/lib/workflows";
import { ROWS_PER_PAGE } from "@/lib/paging";

export const CASE_SORTS = ["updated", "opened", "code", "name"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
/** The case list's page: every list's (lib/paging). */
export const PAGE_SIZE = ROWS_PER_PAGE;

const optionalUuid = z.string().uuid().optional().catch(undefined);
// A calendar month "YYYY-MM", or a whole year "YYYY" (the dashboard groups long periods by year).
const month = z.string().refine(isYearOrMonthParam).optional().catch(undefined);

export const caseListParamsSchema = z.object({
  q: z
    .string()
    // Control characters (NUL, which PostgreSQL refuses) cannot be part of a name or code;
    // invisible ones are dropped as they are from every name saved (cleanText).
    .transform((v) => cleanText(v.replace(/[\u0000-\u001F\u007F]/g, " ")))
    .pipe(z.string().trim().max(200))
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  team: optionalUuid,
  caseworker: optionalUuid,
  nationality: z.enum(NATIONALITY_CODES).optional().catch(undefined),
  // Drill-through filters from the dashboard's figures.
  sensitivity: z.enum(SENSITIVITIES).optional().catch(undefined),
  // "TYPE:STAGE", both of a real stage graph: anything else shows the unfiltered list.
  proceeding: z
    .string()
    .refine((value) => {
      const [type, stage] = value.split(":");
      return isProceedingType(type) && GRAPHS[type].stages.includes(stage);
    })
    .optional()
    .catch(undefined),
  detained: z.enum(["1"]).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  opened: month,
  arrived: month,
  departed: month,
  // Where they departed to: "KR" (transfer to South Korea) or a resettlement programme's country.
  destination: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  sort: z.enum(CASE_SORTS).catch("updated").default("updated"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type CaseListParams = z.output<typeof caseListParamsSchema>;

export function parseCaseListParams(searchParams: Record<string, string | string[] | undefined>): CaseListParams {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return caseListParamsSchema.parse(flat);
}

const FILTER_NAMES = ["q", "status", "team", "caseworker", "nationality", "sensitivity", "proceeding", "detained", "overdue", "opened", "arrived", "departed", "destination", "sort", "dir", "page"] as const;

/**
 * The filters the address gave that could not be read (a mistyped month, a
 * stage that does not exist): the list falls back to showing without them,
 * and says so, rather than ignoring them in silence.
 */
export function ignoredFilters(searchParams: Record<string, string | string[] | undefined>, params: CaseListParams): string[] {
  return FILTER_NAMES.filter((name) => {
    const raw = searchParams[name];
    const given = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!given) return false;
    const read = params[name];
    return read === undefined || String(read) !== given;
  }).filter((name) => !(name === "q" && params.q)); // the search text is cleaned, not refused
}

/** The URL for the list with some params changed (page resets unless given). */
export function caseListHref(params: CaseListParams, changes: Partial<CaseListParams>): string {
  const next = { ...params, page: 1, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "updated") continue;
    if (key === "dir" && value === "desc") continue;
    if (key === "page" && value === 1) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/cases?${text}` : "/cases";
}

/** Whether any filter is set (for the empty-state message). */
export function hasFilters(params: CaseListParams): boolean {
  return Boolean(
    params.q || params.status || params.team || params.caseworker || params.nationality || params.sensitivity || params.proceeding ||
      params.detained || params.overdue || params.opened || params.arrived || params.departed || params.destination,
  );
}
