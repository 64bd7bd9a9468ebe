import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import type { CaseOversight } from "@/lib/cases/overview";
import type { CaseAccess } from "@/lib/cases/access";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { LiftHoldForm, PlaceHoldForm } from "./hold-forms";

/** Legal hold: whether one stands, its history, and (supervisors) placing or lifting it. */
export async function HoldSection({ access, user, holds }: { access: CaseAccess; user: CurrentUser; holds: CaseOversight["holds"] }) {
  const manage = can(user, "case:hold");
  if (holds.length === 0 && !manage) return null;
  const t = await getTranslations("holds");
  const format = await getFormatter();
  const standing = holds.find((h) => !h.liftedAt);
  return (
    <Section id="hold-heading" title={t("title")}>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {holds.length ? (
        <ul className="mt-2 space-y-2 text-sm" data-testid="legal-holds">
          {holds.map((h) => (
            <li key={h.id} className={`rounded-md border p-2 ${h.liftedAt ? "border-slate-200" : "border-amber-600 bg-amber-50"}`}>
              <p className="font-semibold">{h.liftedAt ? t("lifted") : t("standing")}</p>
              <p>{t("placedBy", { name: h.placedBy, date: format.dateTime(h.placedAt, "moment") })}</p>
              <p className="whitespace-pre-wrap text-slate-700">{h.reason}</p>
              {h.liftedAt ? <p>{t("liftedBy", { name: h.liftedBy ?? "?", date: format.dateTime(h.liftedAt, "moment") })}</p> : null}
              {h.liftReason ? <p className="whitespace-pre-wrap text-slate-700">{h.liftReason}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {manage ? (
        <Disclosure summary={standing ? t("lift") : t("place")} className="mt-3">
          <div className="mt-2">{standing ? <LiftHoldForm code={access.code} holdId={standing.id} /> : <PlaceHoldForm code={access.code} />}</div>
        </Disclosure>
      ) : null}
    </Section>
  );
}
