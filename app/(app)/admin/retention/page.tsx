import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { recordPageView } from "@/lib/page-views";
import { retentionOverview } from "@/lib/retention/queries";
import { KIND_RULES } from "@/lib/retention/kinds";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { RetentionRuleForm, RunNowForm } from "@/components/retention/retention-forms";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("retention");

/** Codes are listed up to this many in a cell; the count says how many there are. */
const CODES_SHOWN = 100;

function Codes({ codes, label }: { codes: string[]; label: string }) {
  if (codes.length === 0) return null;
  return (
    <Disclosure size="small" summary={label}>
      <p className="mt-1 max-w-xl break-words font-mono text-xs">
        {codes.slice(0, CODES_SHOWN).join(", ")}
        {codes.length > CODES_SHOWN ? ` … (+${codes.length - CODES_SHOWN})` : ""}
      </p>
    </Disclosure>
  );
}

/** The audit log's months a run dropped, with their row counts. */
function DroppedMonths({ detail, label }: { detail: unknown; label: string }) {
  const months = (detail as { months?: { month: string; rows: number }[] } | null)?.months ?? [];
  if (months.length === 0) return null;
  return (
    <p className="text-xs text-slate-700">
      {label}: {months.map((m) => `${m.month} (${m.rows})`).join(", ")}
    </p>
  );
}

/**
 * The retention schedule: per kind of record, how long it is kept and what
 * then happens to it; what the next run would do (counts and case codes,
 * never names); and every past run, which is the deletion record.
 */
export default async function RetentionPage() {
  const user = await requirePermission("retention:manage");
  const { rules, preview, running, runs } = await retentionOverview();
  await recordPageView(user, "retention", { cases: [...(preview ?? []).flatMap((p) => p.codes), ...runs.flatMap((r) => r.items.flatMap((i) => i.codes))] });
  const t = await getTranslations("retention");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/admin/settings" className="text-blue-800 underline">
            {t("backToSettings")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </div>

      <Section id="schedule-heading" title={t("schedule")}>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t("scheduleIntro")}</p>
        <ul className="divide-y divide-slate-200">
          {rules.map((rule) => (
            <li key={rule.kind} className="space-y-2 py-3">
              <h3 className="font-semibold">{t(`kind.${rule.kind}`)}</h3>
              <p className="text-sm text-slate-700">
                {t(`event.${KIND_RULES[rule.kind].event}`)} · {t(`kindHelp.${rule.kind}`)}
              </p>
              <RetentionRuleForm rule={rule} />
            </li>
          ))}
        </ul>
      </Section>

      <Section id="preview-heading" title={t("preview")}>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t("previewIntro")}</p>
        {preview === null ? (
          <p className="text-sm text-slate-700">{t("previewAfterRun")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="retention-preview">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("kindColumn")}</th>
                  <th scope="col" className="py-2 pr-4">{t("ruleColumn")}</th>
                  <th scope="col" className="py-2 pr-4">{t("countColumn")}</th>
                  <th scope="col" className="py-2">{t("codesColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr key={p.kind} className="border-b border-slate-200 align-top" data-kind={p.kind}>
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {t(`kind.${p.kind}`)}
                      {p.active ? null : <span className="block text-xs text-slate-700">{t("inactive")}</span>}
                    </th>
                    <td className="py-2 pr-4">
                      {t("ruleSummary", { action: t(`actionName.${p.action}`), months: p.months, cutoff: format.dateTime(p.cutoff, "day") })}
                    </td>
                    <td className="py-2 pr-4" data-testid="count">{p.count}</td>
                    <td className="py-2">
                      <Codes codes={p.codes} label={t("caseCodes", { count: p.codes.length })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4">
          <RunNowForm running={running} />
        </div>
      </Section>

      <Section id="runs-heading" title={t("runs")}>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t("runsIntro")}</p>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noRuns")}</p>
        ) : (
          <ol className="space-y-4" data-testid="retention-runs">
            {runs.map((run) => (
              <li key={run.id} className="rounded border border-slate-300 bg-white p-3 text-sm" data-status={run.status}>
                <p className="font-semibold">
                  {format.dateTime(run.startedAt, "moment")} · {run.startedBy ? t("startedBy", { name: run.startedBy }) : t("scheduled")} · {t(`status.${run.status}`)}
                </p>
                {run.items.length === 0 ? (
                  <p className="text-slate-700">{t("noActiveRules")}</p>
                ) : (
                  <ul className="mt-2 space-y-1">
                    {run.items.map((item) => (
                      <li key={item.kind}>
                        {t("itemSummary", {
                          kind: t(`kind.${item.kind}`),
                          action: t(`actionName.${item.action}`),
                          count: item.count,
                          months: item.months,
                          cutoff: format.dateTime(item.cutoff, "day"),
                        })}
                        <Codes codes={item.codes} label={t("caseCodes", { count: item.codes.length })} />
                        <DroppedMonths detail={item.detail} label={t("monthsDropped")} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
