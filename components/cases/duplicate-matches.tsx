"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { HouseholdMatches } from "@/lib/people/duplicates";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/**
 * Possible earlier registrations of the people being registered, shown
 * before anything is saved. Each visible match can be opened instead
 * (the buttons submit the intake form with `duplicateDecision`); a match in
 * a case the user may not open shows only that it exists. `adding`: one
 * person being added to an existing case rather than a new household.
 */
export function DuplicateMatches({ household, reasonError, pending, adding = false }: { household: HouseholdMatches; reasonError?: string; pending: boolean; adding?: boolean }) {
  const t = useTranslations("duplicates");
  const tCountry = useTranslations("countries");
  const heading = useRef<HTMLHeadingElement>(null);
  // Move the reader to the matches: nothing was saved, a decision is needed.
  useEffect(() => heading.current?.focus(), [household]);
  return (
    <section aria-labelledby="duplicates-heading" className="space-y-4 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
      <h2 id="duplicates-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-amber-950">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t(adding ? "introAdding" : "intro")}</p>
      {household.map(({ member, name, matches }) => (
        <div key={member} className="space-y-2">
          {adding ? null : <h3 className="font-semibold">{t("forMember", { number: member + 1, name })}</h3>}
          <ul className="space-y-2">
            {matches.map((match, index) =>
              match.visible ? (
                <li key={match.caseCode + index} className="flex flex-wrap items-center justify-between gap-3 rounded border border-slate-300 bg-white p-3">
                  <div>
                    <p>
                      <span className="font-mono font-semibold">{match.caseCode}</span> · {match.person.latinName}
                      {match.person.nativeName ? ` (${match.person.nativeName})` : ""}
                    </p>
                    <p className="text-sm text-slate-700">
                      {[
                        match.person.birthYear ? t("born", { year: String(match.person.birthYear) }) : t("bornUnknown"),
                        tCountry.has(match.person.nationality) ? tCountry(match.person.nationality) : match.person.nationality,
                        t("score", { percent: Math.round(match.score * 100) }),
                      ].join(" · ")}
                    </p>
                    <p className="text-sm text-slate-700">{t("matchedOn", { fields: match.matched.map((field) => t(`field_${field}`)).join(", ") })}</p>
                  </div>
                  <Button type="submit" name="duplicateDecision" value={`link:${match.caseCode}`} variant="secondary" disabled={pending}>
                    {t("link", { code: match.caseCode })}
                  </Button>
                </li>
              ) : (
                <li key={`hidden-${index}`} className="rounded border border-slate-300 bg-white p-3">
                  {t("hiddenMatch")}
                </li>
              ),
            )}
          </ul>
        </div>
      ))}
      <div className="space-y-2 border-t border-amber-300 pt-3">
        <TextAreaField label={t("reason")} name="duplicateReason" required limit={TEXT_LIMITS.reason} hint={t(adding ? "reasonHintAdding" : "reasonHint")} rows={2} error={reasonError} />
        <Button type="submit" name="duplicateDecision" value="new" disabled={pending}>
          {t(adding ? "confirmAdding" : "confirmNew")}
        </Button>
      </div>
    </section>
  );
}
