import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { taskTitle } from "@/lib/tasks/titles";
import type { CaseFile } from "@/lib/cases/case-file";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { secondaryLinkButtonClass } from "@/components/ui/button";
import { sensitivityBadge, statusBadge } from "./badges";
import { detentionDaysHtml } from "@/components/custody/detention-flags";
import { html, type Html } from "@/lib/html";
import { detentionDays, detentionFlags } from "@/lib/detention/days";
import { isoDate, todayInBangkok } from "@/lib/dates";
import { cardClass } from "@/components/ui/section";
import { HtmlText } from "@/components/ui/html-text";

const TABS = [
  { key: "overview", path: "" },
  { key: "proceedings", path: "/proceedings" },
  { key: "custody", path: "/custody" },
  { key: "tasks", path: "/tasks" },
  { key: "documents", path: "/documents" },
  { key: "referrals", path: "/referrals" },
  { key: "consent", path: "/consent" },
] as const;
export type CaseTab = (typeof TABS)[number]["key"];

/**
 * The summary every section of a case file starts with, and the section
 * tabs. Written as HTML text (lib/html), as the long lists are: it is drawn
 * on every one of a case's pages, and as React elements its sixty-odd
 * elements were drawn twice, as HTML and again in React's data for the
 * browser. Nothing in it is interactive beyond plain links.
 */
export async function CaseHeader({ file, user, active }: { file: CaseFile; user: CurrentUser; active: CaseTab | null }) {
  const t = await getTranslations("caseFile");
  const tTabs = await getTranslations("caseTabs");
  const tProc = await getTranslations("proceedings");
  const tPurpose = await getTranslations("enums.hearingPurpose");
  const tRules = await getTranslations("tasks.rules");
  const tCustody = await getTranslations("custody");
  const tStatus = await getTranslations("enums.status");
  const tSensitivity = await getTranslations("enums.sensitivity");
  const locale = await getLocale();
  const format = await getFormatter();
  const today = todayInBangkok();
  const counsel = file.members.filter((m) => m.role === "COUNSEL").map((m) => m.user.name);

  // First on every screen, a phone's too: detention, the next hearing, the next deadline.
  const facts = [
    ...file.detentions.map((episode) => {
      const period = { startedOn: isoDate(episode.startedOn), sentenceEndsOn: episode.sentenceEndsOn ? isoDate(episode.sentenceEndsOn) : null, releasedOn: null };
      const held = detentionDaysHtml(tCustody, { days: detentionDays(period.startedOn, null, today), flags: detentionFlags(period, today), released: false });
      return html`<li class="flex flex-wrap items-center gap-2"><span class="font-semibold">${t("inDetention")}: ${episode.person.latinName}</span>${held}</li>`;
    }),
    file.nextHearing
      ? html`<li>${t("nextHearingLine", { date: format.dateTime(file.nextHearing.startsAt, "moment"), purpose: tPurpose(file.nextHearing.purpose), court: localName(file.nextHearing.court, locale) })}</li>`
      : null,
    file.nextDeadline
      ? html`<li${isoDate(file.nextDeadline.dueOn) < today ? html` class="font-semibold text-red-800"` : null}>${t("nextDeadlineLine", { date: format.dateTime(file.nextDeadline.dueOn, "day"), title: taskTitle(file.nextDeadline, tRules) })}</li>`
      : null,
  ].filter((line) => line !== null);
  const action = (allowed: boolean, path: string, label: string) => (allowed ? html`<a href="/cases/${file.code}/${path}" class="${secondaryLinkButtonClass}">${label}</a>` : null);
  const fact = (label: string, value: Html | string) => html`<div><dt class="text-slate-700">${label}</dt><dd>${value}</dd></div>`;

  const summary = html`<div class="flex flex-wrap items-start justify-between gap-3"><div><h1 id="case-heading" class="font-mono text-2xl font-bold">${file.code}</h1><p class="text-lg font-semibold">${file.principalName}${
    file.principalNativeName ? html`<span class="ml-2 font-normal text-slate-700">${file.principalNativeName}</span>` : null
  }</p><p class="text-sm text-slate-700">${t("people", { count: file.people.length })}</p>${
    facts.length ? html`<ul class="mt-2 space-y-1 text-sm" aria-label="${t("criticalFacts")}" data-testid="critical-facts">${facts}</ul>` : null
  }</div><div class="flex flex-wrap items-center gap-2">${
    file.riskFlags.includes("REFOULEMENT_RISK") ? html`<span class="rounded bg-red-700 px-2 py-1 text-xs font-bold uppercase tracking-wide text-white">${tProc("refoulementRisk")}</span>` : null
  }${action(can(user, "case:export"), "summary", t("summaryPdf"))}${action(can(user, "case:merge"), "merge", t("merge"))}${action(can(user, "case:update"), "edit", t("editCase"))}</div></div>${
    file.anonymisedAt ? html`<p class="mt-3 rounded border border-slate-400 bg-slate-50 p-2 text-sm" data-testid="anonymised">${t("anonymised", { date: format.dateTime(file.anonymisedAt, "day") })}</p>` : null
  }<dl class="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">${[
    fact(t("status"), statusBadge(file.status, tStatus(file.status))),
    fact(t("sensitivity"), sensitivityBadge(file.sensitivity, tSensitivity(file.sensitivity))),
    fact(t("team"), file.team.name),
    fact(t("caseworker"), file.caseworker?.name ?? t("none")),
    fact(t("counsel"), counsel.length ? counsel.join(", ") : t("none")),
    fact(t("opened"), format.dateTime(file.openedAt, "momentDate")),
  ]}</dl>${file.updatedBy ? html`<p class="mt-3 text-xs text-slate-700">${t("lastChange", { name: file.updatedBy.name, time: format.dateTime(file.updatedAt, "moment") })}</p>` : null}`;

  const tabs = html`<ul class="flex gap-1">${TABS.filter((tab) => file.sections === null || file.sections.includes(tab.key)).map(
    (tab) =>
      html`<li><a href="/cases/${file.code}${tab.path}"${tab.key === active ? html` aria-current="page"` : null} class="block whitespace-nowrap rounded-t-md px-4 py-2 text-sm font-semibold ${
        tab.key === active ? "border border-b-0 border-slate-300 bg-white text-blue-900" : "text-slate-700 hover:text-blue-800"
      }">${tTabs(tab.key)}</a></li>`,
  )}</ul>`;

  return (
    <>
      <Link href="/cases" className="text-sm text-blue-800 underline">
        ← {t("back")}
      </Link>
      <HtmlText as="section" aria-labelledby="case-heading" className={cardClass} markup={summary} />
      <HtmlText as="nav" aria-label={tTabs("label")} className="overflow-x-auto border-b border-slate-300" markup={tabs} />
    </>
  );
}
