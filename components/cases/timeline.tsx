import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { TimelineEntry } from "@/lib/cases/queries";
import { bangkokDate, dbDate } from "@/lib/dates";
import { html } from "@/lib/html";
import { HtmlText } from "@/components/ui/html-text";

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

  // Entries are written as HTML text (lib/html, which escapes every value:
  // markup in a note is shown, never run), styled by the `timeline` class
  // (app/globals.css).
  const entryHtml = (entry: TimelineEntry) => {
    // When it happened; when it was recorded too, if that was another day.
    const sameDayAt = entry.at && bangkokDate(entry.at) === entry.on ? entry.at : null;
    const when = sameDayAt
      ? html`<time datetime="${sameDayAt.toISOString()}">${format.dateTime(sameDayAt, "moment")}</time>`
      : html`<time datetime="${entry.on}" class="font-semibold text-slate-900">${format.dateTime(dbDate(entry.on), "day")}</time>`;
    const by = entry.kind === "note" ? ` · ${t("by", { name: entry.author })}` : entry.kind === "change" && entry.actor ? ` · ${t("by", { name: entry.actor })}` : null;
    const recorded = entry.at && !sameDayAt ? ` · ${t("recordedAt", { time: format.dateTime(entry.at, "moment") })}` : null;
    let what;
    if (entry.kind === "arrival") {
      what = html`<p class="font-semibold">${entry.entryPoint ? t("arrivedAt", { place: entry.entryPoint }) : t("arrived")}</p>`;
    } else if (entry.kind === "note") {
      const confidential = entry.confidential ? html`<span class="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">${t("confidential")}</span>` : null;
      what = html`<p class="font-semibold">${tKind(entry.noteKind)}${confidential}</p><p class="whitespace-pre-wrap">${entry.body}</p>`;
    } else {
      const proceeding = entry.action.startsWith("proceeding.") ? proceedingText(entry.detail) : null;
      const fields = !entry.action.startsWith("proceeding.") && entry.fields.length ? t("fieldsChanged", { fields: [...new Set(entry.fields.map(fieldLabel))].join(", ") }) : null;
      const more = proceeding ?? fields;
      what = html`<p><span class="font-semibold">${changeLabel(entry.action)}</span>${more ? html`<span class="text-slate-700"> — ${more}</span>` : null}</p>`;
    }
    return html`<li><p>${when}${by}${recorded}</p>${what}</li>`;
  };
  return <HtmlText as="ol" className="timeline space-y-3" data-testid="timeline" markup={entries.map(entryHtml)} />;
}
