import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/queries";
import { GRAPHS } from "@/lib/workflows";
import { AddCourtForm, AddFacilityForm, AddPartnerForm, AddProgrammeForm, DeadlinePeriodForm, ExchangeRateForm, ReferenceNamesForm } from "@/components/admin/settings-forms";
import { localName, type Named } from "@/lib/reference/names";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("settings");

export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const settings = await getSettings();
  const t = await getTranslations("settings");
  const tRule = await getTranslations("tasks.rules");
  const tKind = await getTranslations("enums.facilityKind");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const tService = await getTranslations("referrals.service");
  const locale = await getLocale();
  /** A row's name as the reader reads it, the English one beside it (marked as English) when they differ, and the form for its names in other languages. */
  const named = (kind: "facility" | "court" | "programme" | "partner", row: Named & { id: string }) => {
    const own = localName(row, locale);
    return {
      shown: (
        <>
          {own}
          {own !== row.name ? (
            <span className="text-slate-700">
              {" "}
              · {t("inEnglish")} <span lang="en">{row.name}</span>
            </span>
          ) : null}
        </>
      ),
      form: <ReferenceNamesForm kind={kind} id={row.id} name={own} names={(row.names ?? {}) as Record<string, string>} />,
    };
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm">
        <Link href="/admin/retention" className="text-blue-800 underline">
          {t("retentionLink")}
        </Link>
        {" · "}
        <Link href="/admin/outbox" className="text-blue-800 underline">
          {t("outboxLink")}
        </Link>
      </p>

      <section aria-labelledby="deadlines-heading" className={cardClass}>
        <h2 id="deadlines-heading" className="text-lg font-semibold">
          {t("deadlines")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {t("deadlinesIntro")}{" "}
          <Link href="/admin/calendar" className="text-blue-800 underline">
            {t("courtCalendarLink")}
          </Link>
        </p>
        <ul className="divide-y divide-slate-200">
          {settings.rules.map((rule) => (
            <li key={rule.key} className="py-3" data-testid={`rule-${rule.key}`}>
              <p className="font-semibold">{tRule(rule.title)}</p>
              <p className="mb-2 text-sm text-slate-700">
                {t("ruleWhen", { type: tType(PROCEEDING_OF[rule.key] ?? "CRIMINAL"), stage: tStage(rule.onStage) })} ·{" "}
                {t("defaultPeriod", { amount: rule.period.amount, unit: t(rule.period.unit) })}
                {rule.changed ? ` · ${t("changed")}` : ""}
              </p>
              <DeadlinePeriodForm ruleKey={rule.key} label={tRule(rule.title)} amount={rule.current.amount} unit={rule.current.unit} />
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="courts-heading" className={cardClass}>
          <h2 id="courts-heading" className="mb-2 text-lg font-semibold">
            {t("courts")}
          </h2>
          <ul className="mb-4 space-y-1 text-sm">
            {settings.courts.map((c) => {
              const { shown, form } = named("court", c);
              return (
                <li key={c.id}>
                  {shown}
                  {form}
                </li>
              );
            })}
          </ul>
          <AddCourtForm />
        </section>
        <section aria-labelledby="facilities-heading" className={cardClass}>
          <h2 id="facilities-heading" className="mb-2 text-lg font-semibold">
            {t("facilities")}
          </h2>
          <ul className="mb-4 space-y-1 text-sm">
            {settings.facilities.map((f) => {
              const { shown, form } = named("facility", f);
              return (
                <li key={f.id}>
                  {shown} <span className="text-slate-700">· {tKind(f.kind)}</span>
                  {form}
                </li>
              );
            })}
          </ul>
          <AddFacilityForm />
        </section>
        <section aria-labelledby="rates-heading" className={cardClass}>
          <h2 id="rates-heading" className="mb-2 text-lg font-semibold">
            {t("rates")}
          </h2>
          <ul className="mb-4 space-y-1 text-sm" data-testid="rates">
            {settings.rates.length === 0 ? <li className="text-slate-700">{t("noRates")}</li> : null}
            {settings.rates.map((r) => (
              <li key={r.currency}>{t("rateLine", { currency: r.currency, perUsd: r.perUsd })}</li>
            ))}
          </ul>
          <ExchangeRateForm />
        </section>
        <section aria-labelledby="programmes-heading" className={cardClass}>
          <h2 id="programmes-heading" className="mb-2 text-lg font-semibold">
            {t("programmes")}
          </h2>
          <ul className="mb-4 space-y-1 text-sm">
            {settings.programmes.map((p) => {
              const { shown, form } = named("programme", p);
              return (
                <li key={p.id}>
                  {shown} <span className="text-slate-700">· {p.country}{p.status === "SUSPENDED" ? ` · ${t("suspended")}` : ""}</span>
                  {form}
                </li>
              );
            })}
          </ul>
          <AddProgrammeForm />
        </section>
        <section aria-labelledby="partners-heading" className={cardClass}>
          <h2 id="partners-heading" className="mb-2 text-lg font-semibold">
            {t("partners")}
          </h2>
          <ul className="mb-4 space-y-1 text-sm">
            {settings.partners.length === 0 ? <li className="text-slate-700">{t("noPartners")}</li> : null}
            {settings.partners.map((p) => {
              const { shown, form } = named("partner", p);
              return (
                <li key={p.id}>
                  {shown}{" "}
                  <span className="text-slate-700">
                    · {p.services.map((s) => tService(s)).join(", ")}
                    {p.team ? ` · ${t("partnerUsesWaypoint", { team: p.team.name })}` : ""}
                  </span>
                  {form}
                </li>
              );
            })}
          </ul>
          <AddPartnerForm teams={settings.teams} />
        </section>
      </div>
    </div>
  );
}

// Which proceeding each rule belongs to, for its description.
const PROCEEDING_OF: Record<string, string> = Object.fromEntries(
  Object.values(GRAPHS).flatMap((graph) => graph.deadlineRules.map((rule) => [rule.key, graph.type])),
);
