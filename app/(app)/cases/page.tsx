import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { assignmentOptions, listCases, restrictedCodes } from "@/lib/cases/queries";
import { caseListHref, hasFilters, ignoredFilters, parseCaseListParams } from "@/lib/cases/list-params";
import { Alert } from "@/components/ui/alert";
import { clientIp } from "@/lib/request-context";
import { CaseFilters } from "@/components/cases/case-filters";
import { CaseTable } from "@/components/cases/case-table";
import { linkButtonClass } from "@/components/ui/button";
import { pageTitle } from "@/lib/page-title";
import { Pager } from "@/components/ui/pager";

export const generateMetadata = pageTitle("cases");

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslations("cases");
  if (!can(user, "case:read")) {
    return (
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-4 text-slate-700">{t("noCaseAccess")}</p>
      </div>
    );
  }
  const raw = await searchParams;
  const params = parseCaseListParams(raw);
  const ignored = ignoredFilters(raw, params);
  const filtered = hasFilters(params);
  const [list, options, restricted] = await Promise.all([
    listCases(user, params, await clientIp()),
    assignmentOptions(user),
    // Only on the plain first page: a search or filter must never hint at what a restricted case holds.
    !filtered && params.page === 1 ? restrictedCodes(user) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {can(user, "case:create") ? (
          <Link href="/cases/new" className={linkButtonClass}>
            {t("newCase")}
          </Link>
        ) : null}
      </div>
      {ignored.length ? <Alert>{t("ignoredFilters", { names: ignored.join(", ") })}</Alert> : null}
      <CaseFilters params={params} teams={options.teams} staff={options.staff} />
      <p role="status" className="text-sm text-slate-700">
        {t("results", { count: list.total })}
      </p>
      {/* A dashboard figure of people leads here: the list shows that number too. */}
      {list.total > 0 ? (
        <p className="text-sm text-slate-700" data-testid="people-total">
          {t("resultPeople", { people: list.people })}
        </p>
      ) : null}
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{filtered ? t("empty") : t("emptyNoFilters")}</p>
      ) : (
        <CaseTable rows={list.rows} />
      )}
      {restricted.length ? (
        <section aria-labelledby="restricted-heading" className="rounded-lg border border-slate-300 bg-white p-3 text-sm" data-testid="restricted-codes">
          <h2 id="restricted-heading" className="font-semibold">
            {t("restrictedHeading", { count: restricted.length })}
          </h2>
          <p className="text-slate-700">{t("restrictedIntro")}</p>
          <ul className="mt-1 flex flex-wrap gap-x-3 font-mono">
            {restricted.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Pager page={list.page} pages={list.pages} href={(page) => caseListHref(params, { page })} />
    </div>
  );
}
