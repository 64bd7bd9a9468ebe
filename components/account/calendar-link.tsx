"use client";
import { useTranslations } from "next-intl";
import { regenerateCalendarTokenAction } from "@/lib/calendar/actions";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/forms/use-form-action";

/** Shows a new feed address once, right after it is made; only its hash is kept. */
export function CalendarLink({ hasLink }: { hasLink: boolean }) {
  const t = useTranslations("account");
  const { onSubmit, pending, state } = useFormAction(regenerateCalendarTokenAction);
  const url = state.data?.url;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("calendar")}>
      <p className="text-sm text-slate-700">{t("calendarIntro")}</p>
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-url" className="block text-sm font-medium">
            {t("calendarUrl")}
          </label>
          <input id="calendar-url" readOnly value={url} className="block w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <p role="status" className="text-sm text-green-800">
            {t("calendarShownOnce")}
          </p>
        </div>
      ) : hasLink ? (
        <p className="text-sm">{t("calendarActive")}</p>
      ) : null}
      <Button type="submit" variant={hasLink || url ? "secondary" : "primary"} disabled={pending}>
        {hasLink || url ? t("calendarRegenerate") : t("calendarCreate")}
      </Button>
    </form>
  );
}
