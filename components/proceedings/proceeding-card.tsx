import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { ProceedingView } from "@/lib/proceedings/queries";
import type { ProceedingType } from "@/lib/workflows/types";
import { MoveProceedingForm } from "./move-proceeding-form";
import { AddPartyForm } from "@/components/counsel/counsel-forms";
import { cardClass } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";

export async function ProceedingCard({
  code,
  proceeding,
  canManage,
  hearings,
}: {
  code: string;
  proceeding: ProceedingView;
  canManage: boolean;
  hearings?: ReactNode;
}) {
  const t = await getTranslations("proceedings");
  const tType = await getTranslations("enums.proceedingType");
  const tStage = await getTranslations("stages");
  const format = await getFormatter();
  const tCounsel = await getTranslations("counsel");
  const tRole = await getTranslations("enums.partyRole");
  const headingId = `proceeding-${proceeding.id}`;
  return (
    <article aria-labelledby={headingId} className={cardClass} data-testid="proceeding">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            {tType(proceeding.type)}
          </h3>
          <p className="text-sm text-slate-700">
            {t("openedOn", { date: format.dateTime(proceeding.openedOn, "day") })}
            {proceeding.reference ? ` · ${proceeding.reference}` : ""}
            {proceeding.programme ? ` · ${proceeding.programme.name}${proceeding.programme.status === "SUSPENDED" ? ` (${t("suspended")})` : ""}` : ""}
            {proceeding.certificateExpiresOn ? ` · ${t("certificateExpiresOn")} ${format.dateTime(proceeding.certificateExpiresOn, "day")}` : ""}
          </p>
        </div>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${proceeding.closed ? "bg-slate-200 text-slate-800" : "bg-green-100 text-green-900"}`}>
          {proceeding.closed ? t("closed") : t("openStatus")}
        </span>
      </div>
      <p className="mt-3 text-sm">
        <span className="text-slate-700">{t("stage")}: </span>
        <strong data-testid="current-stage">{tStage(proceeding.stage)}</strong>
      </p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold text-blue-800">
          {t("history")} ({proceeding.stageChanges.length})
        </summary>
        <ol className="mt-2 space-y-2 border-l-2 border-slate-300 pl-4 text-sm">
          {proceeding.stageChanges.map((change) => (
            <li key={change.id}>
              <p>
                <strong>{tStage(change.toStage)}</strong>
                {change.fromStage ? <span className="text-slate-700"> ({t("from", { stage: tStage(change.fromStage) })})</span> : <span className="text-slate-700"> ({t("started")})</span>}
              </p>
              <p className="text-slate-700">
                {/* When it happened, then when it was recorded, in the one date format the app uses. */}
                {format.dateTime(change.occurredOn, "day")} · {change.actor.name} ·{" "}
                {t("recordedAt", { time: format.dateTime(change.at, "moment") })}
              </p>
              <p className="whitespace-pre-wrap">{change.reason}</p>
            </li>
          ))}
        </ol>
      </details>
      {proceeding.parties.length || canManage ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h4 className="font-semibold">{tCounsel("parties")}</h4>
          {proceeding.parties.length === 0 ? <p className="text-sm text-slate-700">{tCounsel("noParties")}</p> : null}
          <ul className="text-sm">
            {proceeding.parties.map((party) => (
              <li key={party.id}>
                {party.name} · {tRole(party.role)}
              </li>
            ))}
          </ul>
          {canManage ? (
            <Disclosure summary={tCounsel("addParty")} size="small" className="mt-2">
              <div className="mt-2">
                <AddPartyForm code={code} proceedingId={proceeding.id} />
              </div>
            </Disclosure>
          ) : null}
        </div>
      ) : null}
      {hearings}
      {canManage ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          {proceeding.nextStages.length ? (
            <MoveProceedingForm code={code} proceedingId={proceeding.id} type={proceeding.type as ProceedingType} version={proceeding.version} stage={proceeding.stage} nextStages={proceeding.nextStages} />
          ) : (
            <p className="text-sm text-slate-700">{t("noMoves")}</p>
          )}
        </div>
      ) : null}
    </article>
  );
}
