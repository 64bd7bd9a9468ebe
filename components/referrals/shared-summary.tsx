import { getTranslations } from "@/lib/i18n/server";
import type { CaseSummary } from "@/lib/summaries/case-summary";
import { SECTION_LIMITS, summaryLines } from "@/lib/summaries/lines";
import { summaryWords } from "@/lib/summaries/words";

/** What a referral shared, as the partner sees it: the chosen sections as they were when it was sent, in the PDF's words. */
export async function SharedSummary({ summary }: { summary: CaseSummary }) {
  const t = await getTranslations("summary.pdf");
  const lines = summaryLines(summary, await summaryWords());
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">{t(summary.identifying ? "identifyingNotice" : "pseudonymisedNotice")}</p>
      {(Object.keys(SECTION_LIMITS) as (keyof typeof SECTION_LIMITS)[]).map((section) => {
        const items = lines[section];
        if (!items) return null;
        return (
          <section key={section} className="space-y-1">
            <h3 className="font-semibold">{t(section)}</h3>
            {items.length ? (
              <ul className="list-disc space-y-1 pl-5">
                {items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            ) : (
              <p>{t("none")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
