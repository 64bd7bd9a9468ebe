import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import type { ProceedingHearing } from "@/lib/hearings/queries";
import type { Option } from "@/components/ui/field";
import { HearingForm, OutcomeForm } from "./hearing-forms";
import { Disclosure } from "@/components/ui/disclosure";

/** The hearings of one proceeding, with forms to add one and to record outcomes. */
export async function ProceedingHearings({
  code,
  proceeding,
  hearings,
  courts,
  counsel,
  canManage,
}: {
  code: string;
  proceeding: { id: string; version: number; stage: string; nextStages: string[] };
  hearings: ProceedingHearing[];
  courts: Option[];
  counsel: Option[];
  canManage: boolean;
}) {
  const t = await getTranslations("hearings");
  const locale = await getLocale();
  const tPurpose = await getTranslations("enums.hearingPurpose");
  const format = await getFormatter();
  // Only what the outcome form needs: a client component's props are sent to the browser whole.
  const moves = { version: proceeding.version, stage: proceeding.stage, nextStages: proceeding.nextStages };
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <h4 className="font-semibold">{t("title")}</h4>
      {hearings.length === 0 ? <p className="text-sm text-slate-700">{t("none")}</p> : null}
      <ul className="mt-2 space-y-2">
        {hearings.map((hearing) => (
          <li key={hearing.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="hearing">
            <p className="font-semibold">
              {format.dateTime(hearing.startsAt, "moment")} · {tPurpose(hearing.purpose)} · {localName(hearing.court, locale)}
            </p>
            <p className="text-slate-700">
              {hearing.counsel ? t("counselName", { name: hearing.counsel.name }) : t("noCounsel")}
              {hearing.interpreter ? ` · ${t("interpreterLine", { name: hearing.interpreter, language: hearing.interpreterLanguage ?? "—" })}` : ""}
            </p>
            {hearing.outcome ? <p className="mt-1 whitespace-pre-wrap">{t("outcomeLine", { outcome: hearing.outcome })}</p> : null}
            {hearing.nextDate ? <p className="text-slate-700">{t("nextDateLine", { date: format.dateTime(hearing.nextDate, "day") })}</p> : null}
            {canManage ? (
              <Disclosure summary={t("recordOutcome")} className="mt-2">
                <div className="mt-2">
                  <OutcomeForm code={code} hearing={{ id: hearing.id, version: hearing.version, outcome: hearing.outcome }} proceeding={moves} />
                </div>
              </Disclosure>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <Disclosure summary={t("record")} size="small" className="mt-3">
          <div className="mt-2">
            <HearingForm code={code} proceedingId={proceeding.id} courts={courts} counsel={counsel} />
          </div>
        </Disclosure>
      ) : null}
    </div>
  );
}
