// How a deadline's date was counted, as the sentences its explanation lists:
// one wording, whether a page draws it in JSX (a task on a case) or as HTML
// text (the deadlines page's rows, lib/html).
import { holidayName } from "./holiday-names";
import type { DayOffView, WorkingView } from "./working-view";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The messages and formats the sentences need: the "deadlineWorking",
 * "stages" and "holidays" messages, a day ("YYYY-MM-DD") and a moment as
 * the reader writes them.
 */
export type WorkingWords = { t: Translate; stage: Translate; holiday: Translate; day: (iso: string) => string; moment: (at: Date) => string };

/**
 * What the period counts from, the period, the days passed over, its last
 * day, a move off a day the courts do not sit, each recount after a
 * court-calendar change, and (last, to be stressed) the due date.
 */
export function workingSteps(view: WorkingView, { t, stage, holiday, day, moment }: WorkingWords): string[] {
  const why = (off: DayOffView) => (off.kind === "weekend" ? t("weekend") : off.kind === "holiday" ? holidayName(off.name, holiday) : off.name);
  const period = t(`period.${view.period.unit}`, { count: Math.abs(view.period.amount) });
  return [
    view.trigger === "certificateExpiry"
      ? t("countedBackFrom", { date: day(view.countedFrom), period })
      : t("countedFrom", { stage: view.trigger ? stage(view.trigger) : t("event"), date: day(view.countedFrom), period }),
    ...(view.skipped.length ? [t("passedOver", { days: view.skipped.map((d) => `${day(d.date)} (${why(d.off)})`).join(", ") })] : []),
    t("lastDay", { date: day(view.lastDay) }),
    ...(view.moved
      ? [`${t(view.period.amount < 0 ? "movedBack" : "moved", { from: day(view.moved.from), to: day(view.moved.to) })} ${view.moved.days.map((d) => `${day(d.date)}: ${why(d.off)}`).join("; ")}`]
      : []),
    ...view.recounts.map((r) =>
      t(r.change.change === "added" ? "recountAdded" : "recountRemoved", {
        on: moment(new Date(r.at)),
        from: day(r.from),
        to: day(r.to),
        closure: `${day(r.change.closure.date)} (${r.change.closure.name})`,
      }),
    ),
    t("due", { date: day(view.due) }),
  ];
}
