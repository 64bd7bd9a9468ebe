import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { storedWorkingOf } from "@/lib/deadlines/working-view";
import { workingSteps, type WorkingWords } from "@/lib/deadlines/working-steps";
import { dbDate } from "@/lib/dates";
import { Disclosure } from "@/components/ui/disclosure";
import { html, type Html } from "@/lib/html";

const STEPS_CLASS = "mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800";

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
  const format = useKeptFormatter();
  const view = storedWorkingOf(working, ruleKey);
  if (!view) return null;
  const steps = workingSteps(view, {
    t: t as WorkingWords["t"],
    stage: tStage as WorkingWords["stage"],
    holiday: tHoliday as WorkingWords["holiday"],
    day: (iso) => format.dateTime(dbDate(iso), "weekday"),
    moment: (at) => format.dateTime(at, "momentDate"),
  });
  return (
    <Disclosure summary={t("summary")} size="small" className="mt-1">
      <ul className={STEPS_CLASS} data-testid="deadline-working">
        {steps.map((step, i) => (
          <li key={i} className={i === steps.length - 1 ? "font-semibold" : undefined}>
            {step}
          </li>
        ))}
      </ul>
    </Disclosure>
  );
}

/**
 * The same as HTML text, for a row of a long list (lib/html): the browser's
 * own details element, its steps drawn with the page (a few short lines).
 * `words.t` also gives the summary.
 */
export function deadlineWorkingHtml(working: unknown, ruleKey: string | null, words: WorkingWords): Html | null {
  const view = storedWorkingOf(working, ruleKey);
  if (!view) return null;
  const steps = workingSteps(view, words);
  return html`<details class="mt-1"><summary class="cursor-pointer font-semibold text-blue-800 text-sm">${words.t("summary")}</summary><ul class="${STEPS_CLASS}" data-testid="deadline-working">${steps.map(
    (step, i) => html`<li${i === steps.length - 1 ? html` class="font-semibold"` : null}>${step}</li>`,
  )}</ul></details>`;
}
