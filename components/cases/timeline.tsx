import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/cases/queries";
import { bangkokDate, dbDate } from "@/lib/dates";

// Audit rows name fields as stored; show them with the form's own labels.
const FIELD_LABEL_KEYS: Record<string, string> = {
  caseworkerId: "caseworker",
  birthYear: "dateOfBirth",
  birthDate: "dateOfBirth",
  brokerFeeMinor: "brokerFee",
  assigneeId: "assignee",
  completedAt: "completed",
  amountMinor: "amount",
};

// Where each form keeps its labels, searched in this order: the household
// record, detention and money, protected details, hearings, tasks,
// proceedings, incidents, then the case file's own.
const LABEL_NAMESPACES = ["intake", "custody", "protected", "hearings", "tasks", "proceedings", "incidents", "caseFile"] as const;

export async function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = await getTranslations("caseFile");
  const tStage = await getTranslations("stages");
  const tType = await getTranslations("enums.proceedingType");
  // Proceeding changes say which proceeding and which stages, from the audit detail.
  const proceedingText = (detail: Record<string, unknown> | null) => {
    if (!detail || typeof detail.type !== "string") return null;
    const stage = (key: unknown) => (typeof key === "string" && tStage.has(key) ? tStage(key) : String(key ?? ""));
    const type = tType.has(detail.type) ? tType(detail.type) : detail.type;
    if (detail.from) return `${type}: ${stage(detail.from)} → ${stage(detail.to)}`;
    return detail.stage ? `${type}: ${stage(detail.stage)}` : type;
  };
  const labelSources = await Promise.all(LABEL_NAMESPACES.map((namespace) => getTranslations(namespace)));
  const fieldLabel = (field: string) => {
    const name = field.replace(/^journey\./, "");
    const key = FIELD_LABEL_KEYS[name] ?? name;
    const source = labelSources.find((labels) => labels.has(key));
    // A field no form names (none should be left) reads as words, never as a column name.
    return source ? source(key) : name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  };
  const tKind = await getTranslations("enums.noteKind");
  const format = await getFormatter();
  // Message keys cannot contain dots (they mean nesting): "case.update" → "change_case_update".
  const changeLabel = (action: string) => {
    const key = `change_${action.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : action;
  };
  if (entries.length === 0) return <p className="text-slate-700">{t("timelineEmpty")}</p>;
  return (
    // Entries take their style from the `timeline` class (app/globals.css): the case file shows fifty.
    <ol className="timeline space-y-3" data-testid="timeline">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`}>
          <p>
            {/* When it happened; when it was recorded too, if that was another day. */}
            {entry.at && bangkokDate(entry.at) === entry.on ? (
              <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, "moment")}</time>
            ) : (
              <time dateTime={entry.on} className="font-semibold text-slate-900">
                {format.dateTime(dbDate(entry.on), "day")}
              </time>
            )}
            {entry.kind === "note" ? ` · ${t("by", { name: entry.author })}` : entry.kind === "change" && entry.actor ? ` · ${t("by", { name: entry.actor })}` : null}
            {entry.at && bangkokDate(entry.at) !== entry.on ? ` · ${t("recordedAt", { time: format.dateTime(entry.at, "moment") })}` : null}
          </p>
          {entry.kind === "arrival" ? (
            <p className="font-semibold">{entry.entryPoint ? t("arrivedAt", { place: entry.entryPoint }) : t("arrived")}</p>
          ) : entry.kind === "note" ? (
            <>
              <p className="font-semibold">
                {tKind(entry.noteKind)}
                {entry.confidential ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">{t("confidential")}</span> : null}
              </p>
              {/* Rendered as text: React escapes it, so markup in a note is shown, never run. */}
              <p className="whitespace-pre-wrap">{entry.body}</p>
            </>
          ) : (
            <p>
              <span className="font-semibold">{changeLabel(entry.action)}</span>
              {entry.action.startsWith("proceeding.") && proceedingText(entry.detail) ? <span className="text-slate-700"> — {proceedingText(entry.detail)}</span> : null}
              {!entry.action.startsWith("proceeding.") && entry.fields.length ? (
                <span className="text-slate-700"> — {t("fieldsChanged", { fields: [...new Set(entry.fields.map(fieldLabel))].join(", ") })}</span>
              ) : null}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
