import { useFormatter, useTranslations } from "next-intl";
import { storedWorkingOf, type DayOffView, type WorkingView } from "@/lib/deadlines/working-view";
import { dbDate } from "@/lib/dates";
import { Disclosure } from "@/components/ui/disclosure";
import { holidayName } from "@/lib/deadlines/holiday-names";

/**
 * How a deadline's date was counted, step by step: what it counts from, the
 * period, where the period ended, each move off a day the courts do not
 * sit, and each recount after a court-calendar change. A legal officer
 * checks the date against the law from this, not from faith in the app.
 */
export function DeadlineWorking({ working, ruleKey }: { working: unknown; ruleKey: string | null }) {
  const t = useTranslations("deadlineWorking");
  const tStage = useTranslations("stages");
  const tHoliday = useTranslations("holidays");
  const format = useFormatter();
  const view: WorkingView | null = storedWorkingOf(working, ruleKey);
  if (!view) return null;
  const day = (iso: string) => format.dateTime(dbDate(iso), "weekday");
  const why = (off: DayOffView) => (off.kind === "weekend" ? t("weekend") : off.kind === "holiday" ? holidayName(off.name, tHoliday) : off.name);
  const period = t(`period.${view.period.unit}`, { count: Math.abs(view.period.amount) });
  return (
    <Disclosure summary={t("summary")} size="small" className="mt-1">
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="deadline-working">
        <li>
          {view.trigger === "certificateExpiry"
            ? t("countedBackFrom", { date: day(view.countedFrom), period })
            : t("countedFrom", { stage: view.trigger ? tStage(view.trigger) : t("event"), date: day(view.countedFrom), period })}
        </li>
        {view.skipped.length ? <li>{t("passedOver", { days: view.skipped.map((d) => `${day(d.date)} (${why(d.off)})`).join(", ") })}</li> : null}
        <li>{t("lastDay", { date: day(view.lastDay) })}</li>
        {view.moved ? (
          <li>
            {t(view.period.amount < 0 ? "movedBack" : "moved", { from: day(view.moved.from), to: day(view.moved.to) })}{" "}
            {view.moved.days.map((d) => `${day(d.date)}: ${why(d.off)}`).join("; ")}
          </li>
        ) : null}
        {view.recounts.map((r) => (
          <li key={r.at}>
            {t(r.change.change === "added" ? "recountAdded" : "recountRemoved", {
              on: format.dateTime(new Date(r.at), "momentDate"),
              from: day(r.from),
              to: day(r.to),
              closure: `${day(r.change.closure.date)} (${r.change.closure.name})`,
            })}
          </li>
        ))}
        <li className="font-semibold">{t("due", { date: day(view.due) })}</li>
      </ul>
    </Disclosure>
  );
}
