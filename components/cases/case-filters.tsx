import { getTranslations } from "@/lib/i18n/server";
import { SelectField, TextField } from "@/components/ui/field";
import { CASE_STATUSES } from "@/lib/cases/schema";
import { CASE_SORTS, type CaseListParams } from "@/lib/cases/list-params";
import { NATIONALITY_CODES } from "@/lib/reference/countries";
import { cardClass } from "@/components/ui/section";
import { Button } from "@/components/ui/button";
import { FilterDisclosure } from "./filter-disclosure";

const DRILL_THROUGH = ["sensitivity", "proceeding", "detained", "overdue", "opened"] as const;
// Arrival and departure are fields of their own; a whole year (from the dashboard's yearly figures) stays a hidden filter.
const MONTH_FIELDS = ["arrived", "departed"] as const;
const isMonth = (value: string | undefined) => !value || /^\d{4}-\d{2}$/.test(value);
// The filters behind the phone's "Filters and sorting" button; it opens by itself when one is in use.
const FILTER_NAMES = ["status", "nationality", "team", "caseworker", "arrived", "departed"] as const;

/** A plain GET form: filters live in the URL, so results can be bookmarked and work without JavaScript. */
export async function CaseFilters({ params, teams, staff }: { params: CaseListParams; teams: { id: string; name: string }[]; staff: { id: string; name: string }[] }) {
  const t = await getTranslations("cases");
  const tStatus = await getTranslations("enums.status");
  const tCountry = await getTranslations("countries");
  const any = { value: "", label: t("any") };
  const sortLabels: Record<(typeof CASE_SORTS)[number], string> = { updated: t("sortUpdated"), opened: t("sortOpened"), code: t("sortCode"), name: t("sortName") };
  return (
    <form method="get" action="/cases" role="search" className={`${cardClass} grid gap-3 sm:grid-cols-2 lg:grid-cols-4`}>
      <TextField label={t("search")} name="q" type="search" defaultValue={params.q ?? ""} hint={t("searchHint")} className="sm:col-span-2" autoComplete="off" />
      <FilterDisclosure label={t("moreFilters")} initiallyOpen={FILTER_NAMES.some((key) => Boolean(params[key]))}>
        <SelectField label={t("status")} name="status" defaultValue={params.status ?? ""} options={[any, ...CASE_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))]} />
        <SelectField label={t("nationality")} name="nationality" defaultValue={params.nationality ?? ""} options={[any, ...NATIONALITY_CODES.map((c) => ({ value: c, label: tCountry(c) }))]} />
        <SelectField label={t("team")} name="team" defaultValue={params.team ?? ""} options={[any, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
        <SelectField label={t("caseworker")} name="caseworker" defaultValue={params.caseworker ?? ""} options={[any, ...staff.map((s) => ({ value: s.id, label: s.name }))]} />
        {MONTH_FIELDS.map((key) =>
          isMonth(params[key]) ? (
            <TextField key={key} label={t(key === "arrived" ? "arrivedIn" : "departedIn")} name={key} type="month" defaultValue={params[key] ?? ""} hint={t("monthHint")} />
          ) : (
            <input key={key} type="hidden" name={key} value={params[key]} />
          ),
        )}
        <SelectField label={t("sort")} name="sort" defaultValue={params.sort} options={CASE_SORTS.map((s) => ({ value: s, label: sortLabels[s] }))} />
        <SelectField label={t("direction")} name="dir" defaultValue={params.dir} options={[{ value: "desc", label: t("desc") }, { value: "asc", label: t("asc") }]} />
      </FilterDisclosure>
      {DRILL_THROUGH.filter((key) => params[key]).map((key) => (
        <input key={key} type="hidden" name={key} value={String(params[key])} />
      ))}
      {DRILL_THROUGH.some((key) => params[key]) || MONTH_FIELDS.some((key) => !isMonth(params[key])) ? (
        <p className="text-sm text-blue-900 sm:col-span-2 lg:col-span-4" role="note">
          {t("drillThrough")}
        </p>
      ) : null}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">
          {t("searchButton")}
        </Button>
        <a href="/cases" className="text-sm text-blue-800 underline">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
