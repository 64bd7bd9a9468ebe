import { getTranslations } from "next-intl/server";
import type { DetentionFlag } from "@/lib/detention/days";

/** Days held, with the warnings supervisors act on. */
export async function DetentionDays({ days, flags, released }: { days: number; flags: DetentionFlag[]; released: boolean }) {
  const t = await getTranslations("custody");
  const alarming = flags.length > 0 && !released;
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="detention-days">
      <span className={`rounded px-2 py-0.5 text-xs font-bold ${alarming ? "bg-red-700 text-white" : "bg-slate-200 text-slate-900"}`}>{t("days", { days })}</span>
      {flags.map((flag) => (
        <span key={flag} className="rounded border border-red-700 px-2 py-0.5 text-xs font-semibold text-red-800">
          {t(`flag_${flag}`)}
        </span>
      ))}
    </span>
  );
}
