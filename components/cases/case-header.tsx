import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/lib/reference/names";
import { taskTitle } from "@/lib/tasks/titles";
import type { CaseFile } from "@/lib/cases/queries";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { secondaryLinkButtonClass } from "@/components/ui/button";
import { SensitivityBadge, StatusBadge } from "./badges";
import { DetentionDays } from "@/components/custody/detention-flags";
import { detentionDays, detentionFlags } from "@/lib/detention/days";
import { isoDate, todayInBangkok } from "@/lib/dates";
import { cardClass } from "@/components/ui/section";

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

/** The summary every section of a case file starts with, and the section tabs. */
export async function CaseHeader({ file, user, active }: { file: CaseFile; user: CurrentUser; active: CaseTab | null }) {
  const t = await getTranslations("caseFile");
  const tTabs = await getTranslations("caseTabs");
  const tProc = await getTranslations("proceedings");
  const tPurpose = await getTranslations("enums.hearingPurpose");
  const tRules = await getTranslations("tasks.rules");
  const locale = await getLocale();
  const format = await getFormatter();
  const today = todayInBangkok();
  const counsel = file.members.filter((m) => m.role === "COUNSEL").map((m) => m.user.name);
  return (
    <>
      <Link href="/cases" className="text-sm text-blue-800 underline">
        ← {t("back")}
      </Link>
      <section aria-labelledby="case-heading" className={cardClass}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 id="case-heading" className="font-mono text-2xl font-bold">
              {file.code}
            </h1>
            <p className="text-lg font-semibold">
              {file.principalName}
              {file.principalNativeName ? <span className="ml-2 font-normal text-slate-700">{file.principalNativeName}</span> : null}
            </p>
            <p className="text-sm text-slate-700">{t("people", { count: file.people.length })}</p>
            {/* First on every screen, a phone's too: detention, the next hearing, the next deadline. */}
            {file.detentions.length || file.nextHearing || file.nextDeadline ? (
              <ul className="mt-2 space-y-1 text-sm" aria-label={t("criticalFacts")} data-testid="critical-facts">
                {file.detentions.map((episode) => {
                  const period = { startedOn: isoDate(episode.startedOn), sentenceEndsOn: episode.sentenceEndsOn ? isoDate(episode.sentenceEndsOn) : null, releasedOn: null };
                  return (
                    <li key={episode.id} className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold">
                        {t("inDetention")}: {episode.person.latinName}
                      </span>
                      <DetentionDays days={detentionDays(period.startedOn, null, today)} flags={detentionFlags(period, today)} released={false} />
                    </li>
                  );
                })}
                {file.nextHearing ? (
                  <li>
                    {t("nextHearingLine", {
                      date: format.dateTime(file.nextHearing.startsAt, "moment"),
                      purpose: tPurpose(file.nextHearing.purpose),
                      court: localName(file.nextHearing.court, locale),
                    })}
                  </li>
                ) : null}
                {file.nextDeadline ? (
                  <li className={isoDate(file.nextDeadline.dueOn) < today ? "font-semibold text-red-800" : undefined}>
                    {t("nextDeadlineLine", { date: format.dateTime(file.nextDeadline.dueOn, "day"), title: taskTitle(file.nextDeadline, tRules) })}
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {file.riskFlags.includes("REFOULEMENT_RISK") ? (
              <span className="rounded bg-red-700 px-2 py-1 text-xs font-bold uppercase tracking-wide text-white">{tProc("refoulementRisk")}</span>
            ) : null}
            {can(user, "case:export") ? (
              <Link href={`/cases/${file.code}/summary`} className={secondaryLinkButtonClass}>
                {t("summaryPdf")}
              </Link>
            ) : null}
            {can(user, "case:merge") ? (
              <Link href={`/cases/${file.code}/merge`} className={secondaryLinkButtonClass}>
                {t("merge")}
              </Link>
            ) : null}
            {can(user, "case:update") ? (
              <Link href={`/cases/${file.code}/edit`} className={secondaryLinkButtonClass}>
                {t("editCase")}
              </Link>
            ) : null}
          </div>
        </div>
        {file.anonymisedAt ? (
          <p className="mt-3 rounded border border-slate-400 bg-slate-50 p-2 text-sm" data-testid="anonymised">
            {t("anonymised", { date: format.dateTime(file.anonymisedAt, "day") })}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">{t("status")}</dt>
            <dd>
              <StatusBadge status={file.status} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("sensitivity")}</dt>
            <dd>
              <SensitivityBadge sensitivity={file.sensitivity} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("team")}</dt>
            <dd>{file.team.name}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("caseworker")}</dt>
            <dd>{file.caseworker?.name ?? t("none")}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("counsel")}</dt>
            <dd>{counsel.length ? counsel.join(", ") : t("none")}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("opened")}</dt>
            <dd>{format.dateTime(file.openedAt, "momentDate")}</dd>
          </div>
        </dl>
        {file.updatedBy ? (
          <p className="mt-3 text-xs text-slate-700">
            {t("lastChange", { name: file.updatedBy.name, time: format.dateTime(file.updatedAt, "moment") })}
          </p>
        ) : null}
      </section>
      <nav aria-label={tTabs("label")} className="overflow-x-auto border-b border-slate-300">
        <ul className="flex gap-1">
          {TABS.filter((tab) => file.sections === null || file.sections.includes(tab.key)).map((tab) => (
            <li key={tab.key}>
              <Link
                href={`/cases/${file.code}${tab.path}`}
                aria-current={tab.key === active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-t-md px-4 py-2 text-sm font-semibold ${
                  tab.key === active ? "border border-b-0 border-slate-300 bg-white text-blue-900" : "text-slate-700 hover:text-blue-800"
                }`}
              >
                {tTabs(tab.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
