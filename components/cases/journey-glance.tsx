import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { Milestone } from "@/lib/cases/journey-glance";
import { dbDate } from "@/lib/dates";
import { Section } from "@/components/ui/section";

/** Arrival, surrender, detention, release or departure, and the days between them. */
export async function JourneyGlance({ milestones, detentionDays }: { milestones: Milestone[]; detentionDays: number | null }) {
  const t = await getTranslations("journeyGlance");
  const format = await getFormatter();
  return (
    <Section id="journey-glance-heading" title={t("title")}>
      {milestones.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="mt-2 flex flex-wrap gap-x-6 gap-y-3 text-sm" data-testid="journey-glance">
          {milestones.map((m) => (
            <li key={m.key} className="min-w-36">
              <p className="font-semibold">{t(`milestone.${m.key}`)}</p>
              <p>
                <time dateTime={m.on}>{format.dateTime(dbDate(m.on), "day")}</time>
                {m.ahead ? <span className="text-slate-700"> ({t("ahead")})</span> : null}
              </p>
              {m.since ? (
                <p className="text-slate-700" data-testid="journey-interval">
                  {t("since", { days: m.since.days, from: t(`noun.${m.since.key}`), to: t(`noun.${m.key}`) })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {detentionDays !== null ? (
        <p className="mt-3 text-sm font-semibold" data-testid="journey-detention-days">
          {t("inDetention", { days: detentionDays })}
        </p>
      ) : null}
    </Section>
  );
}
