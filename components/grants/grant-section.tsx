import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import type { CaseAccess } from "@/lib/cases/access";
import type { CaseOversight } from "@/lib/cases/overview";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { GrantForm, RevokeGrantForm } from "./grant-forms";

/** Guests' access to the case (staff only): who, which sections, for when; supervisors grant and revoke. */
export async function GrantSection({ access, user, grants: read }: { access: CaseAccess; user: CurrentUser; grants: CaseOversight["grants"] }) {
  // Null: the reader may not see the case's grants (a guest).
  if (!read) return null;
  const { list: grants, guests, maxDays } = read;
  const manage = can(user, "access:grant");
  if (grants.length === 0 && !manage) return null;
  const t = await getTranslations("grants");
  const tTabs = await getTranslations("caseTabs");
  const format = await getFormatter();
  return (
    <Section id="grants-heading" title={t("title")}>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {grants.length ? (
        <ul className="mt-2 space-y-2 text-sm" data-testid="access-grants">
          {grants.map((g) => (
            <li key={g.id} className={`rounded-md border p-2 ${g.state === "standing" ? "border-blue-700 bg-blue-50" : "border-slate-200"}`} data-state={g.state}>
              <p className="font-semibold">
                {g.guest} · {t(`state.${g.state}`)}
              </p>
              <p>{t("window", { from: format.dateTime(g.startsAt, "moment"), to: format.dateTime(g.endsAt, "moment") })}</p>
              <p>{t("sectionsShown", { sections: g.sections.map((s) => tTabs(s)).join(", ") })}</p>
              <p className="text-slate-700">{t("grantedBy", { name: g.grantedBy, reason: g.reason })}</p>
              {g.revokedAt ? <p className="text-slate-700">{t("revokedBy", { name: g.revokedBy ?? "?", time: format.dateTime(g.revokedAt, "moment") })}</p> : null}
              {manage && (g.state === "standing" || g.state === "upcoming") ? <RevokeGrantForm code={access.code} grantId={g.id} guest={g.guest} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {manage ? (
        <Disclosure summary={t("grant")} className="mt-3">
          <div className="mt-2">
            <GrantForm code={access.code} guests={guests} maxDays={maxDays} />
          </div>
        </Disclosure>
      ) : null}
    </Section>
  );
}
