import { getTranslations } from "@/lib/i18n/server";
import type { DetentionFlag } from "@/lib/detention/days";
import { html, innerHtml } from "@/lib/html";

type Held = { days: number; flags: DetentionFlag[]; released: boolean };

/** Days held, with the warnings supervisors act on, as HTML text (lib/html): the case header writes it into its own. */
export function detentionDaysHtml(t: (key: string, values?: Record<string, number>) => string, { days, flags, released }: Held) {
  const alarming = flags.length > 0 && !released;
  return html`<span class="inline-flex flex-wrap items-center gap-1" data-testid="detention-days"><span class="rounded px-2 py-0.5 text-xs font-bold ${
    alarming ? "bg-red-700 text-white" : "bg-slate-200 text-slate-900"
  }">${t("days", { days })}</span>${flags.map((flag) => html`<span class="rounded border border-red-700 px-2 py-0.5 text-xs font-semibold text-red-800">${t(`flag_${flag}`)}</span>`)}</span>`;
}

/** The same, as an element of a page. */
export async function DetentionDays(held: Held) {
  const t = await getTranslations("custody");
  return <span className="contents" dangerouslySetInnerHTML={innerHtml(detentionDaysHtml(t, held))} />;
}
