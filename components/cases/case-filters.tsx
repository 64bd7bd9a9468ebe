import { getTranslations } from "@/lib/i18n/server";
import { TextField } from "@/components/ui/field";
import { hiddenHtml, selectFieldHtml, textFieldHtml } from "@/components/ui/field-html";
import { innerHtml } from "@/lib/html";
import { CASE_STATUSES } from "@/lib/cases/schema";
import { CASE_SORTS, type CaseListParams } from "@/lib/cases/list-params";
import { NATIONALITY_CODES } from "@/lib/reference/countries";
import { cardClass } from "@/components/ui/section";
import { Button } from "@/components/ui/button";
import { FilterDisclosure } from "./filter-disclosure";
import { HtmlText } from "@/components/ui/html-text";

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
        {/* The filters' fields as HTML text (components/ui/field-html): some hundred elements and options, the page's largest part after its rows. */}
        <HtmlText
          as="div"
          className="contents"
          markup={[
            selectFieldHtml({ id: "filter-status", label: t("status"), name: "status", value: params.status ?? "", options: [any, ...CASE_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))] }),
            selectFieldHtml({ id: "filter-nationality", label: t("nationality"), name: "nationality", value: params.nationality ?? "", options: [any, ...NATIONALITY_CODES.map((c) => ({ value: c, label: tCountry(c) }))] }),
            selectFieldHtml({ id: "filter-team", label: t("team"), name: "team", value: params.team ?? "", options: [any, ...teams.map((team) => ({ value: team.id, label: team.name }))] }),
            selectFieldHtml({ id: "filter-caseworker", label: t("caseworker"), name: "caseworker", value: params.caseworker ?? "", options: [any, ...staff.map((s) => ({ value: s.id, label: s.name }))] }),
            ...MONTH_FIELDS.map((key) =>
              isMonth(params[key])
                ? textFieldHtml({ id: `filter-${key}`, label: t(key === "arrived" ? "arrivedIn" : "departedIn"), name: key, type: "month", value: params[key] ?? "", hint: t("monthHint") })
                : hiddenHtml(key, params[key] ?? ""),
            ),
            selectFieldHtml({ id: "filter-sort", label: t("sort"), name: "sort", value: params.sort, options: CASE_SORTS.map((s) => ({ value: s, label: sortLabels[s] })) }),
            selectFieldHtml({ id: "filter-dir", label: t("direction"), name: "dir", value: params.dir, options: [{ value: "desc", label: t("desc") }, { value: "asc", label: t("asc") }] }),
          ]}
        />
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
