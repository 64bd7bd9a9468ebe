import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { isOutboxStatus, OUTBOX_STATUSES, outboxOverview } from "@/lib/email/queries";
import { recordPageView } from "@/lib/page-views";
import { shownRange } from "@/lib/paging";
import { OutboxRetry } from "@/components/admin/outbox-retry";
import { Pager, pageParam } from "@/components/ui/pager";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("outbox");

const th = "px-3 py-2 text-left font-semibold";
const td = "px-3 py-2 align-top";

/** E-mail waiting, sent, failed: an administrator sees each message (never its text, which is drawn at sending) and retries a failed one. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const user = await requirePermission("outbox:manage");
  const params = await searchParams;
  const status = isOutboxStatus(params.status) ? params.status : null;
  const overview = await outboxOverview(status, pageParam(params.page));
  await recordPageView(user, "outbox", { cases: overview.messages.flatMap((m) => (m.case ? [m.case.code] : [])), detail: { status, page: overview.page } });
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const href = (next: { status?: string | null; page?: number }) => {
    const query = new URLSearchParams();
    const s = next.status === undefined ? status : next.status;
    if (s) query.set("status", s);
    if (next.page && next.page > 1) query.set("page", String(next.page));
    const text = query.toString();
    return `/admin/outbox${text ? `?${text}` : ""}`;
  };
  const range = shownRange(overview.page, overview.messages.length, overview.total);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {overview.configured ? null : (
        <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" role="status">
          {t("notConfigured")}
        </p>
      )}
      <nav aria-label={t("byStatus")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link href={href({ status: null })} aria-current={status === null ? "page" : undefined} className={status === null ? "font-semibold underline" : "text-blue-800 underline"}>
              {t("all")}
            </Link>
          </li>
          {OUTBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link href={href({ status: s })} aria-current={status === s ? "page" : undefined} className={status === s ? "font-semibold underline" : "text-blue-800 underline"} data-testid={`outbox-count-${s}`}>
                {t(`status_${s}`)} ({format.number(overview.byStatus[s])})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="messages-heading" className={cardClass}>
        <h2 id="messages-heading" className="mb-2 text-lg font-semibold">
          {t("messages")}
        </h2>
        {overview.messages.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">{t("shown", range)}</p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="outbox">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className={th}>{t("created")}</th>
                    <th scope="col" className={th}>{t("recipient")}</th>
                    <th scope="col" className={th}>{t("kind")}</th>
                    <th scope="col" className={th}>{t("case")}</th>
                    <th scope="col" className={th}>{t("state")}</th>
                    <th scope="col" className={th}>
                      <span className="sr-only">{t("retry")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.messages.map((message) => (
                    <tr key={message.id} className="border-t border-slate-200" data-testid="outbox-message">
                      <td className={td}>{format.dateTime(message.createdAt, "moment")}</td>
                      <td className={td}>
                        {message.user.name}
                        <span className="block text-xs text-slate-700">{message.user.email}</span>
                      </td>
                      <td className={td}>
                        {t.has(`kind_${message.kind}`) ? t(`kind_${message.kind}` as "kind_incident") : message.kind}
                        {message.digest ? <span className="block text-xs text-slate-700">{t("inDigest")}</span> : null}
                      </td>
                      <td className={td}>{message.case ? <code>{message.case.code}</code> : "—"}</td>
                      <td className={td}>
                        <span className={message.status === "FAILED" ? "font-semibold text-red-800" : undefined}>{t(`status_${message.status}`)}</span>
                        <span className="block text-xs text-slate-700">
                          {message.status === "SENT" && message.sentAt
                            ? t("sentAt", { time: format.dateTime(message.sentAt, "moment") })
                            : message.status === "QUEUED"
                              ? t("nextAttempt", { time: format.dateTime(message.nextAttemptAt, "moment"), attempts: message.attempts })
                              : t("attempts", { attempts: message.attempts })}
                        </span>
                        {message.lastError ? <span className="block break-all text-xs text-red-800">{message.lastError}</span> : null}
                      </td>
                      <td className={td}>
                        {message.status === "FAILED" || message.status === "CANCELLED" ? <OutboxRetry id={message.id} label={t("retryFor", { recipient: message.user.name })} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <div className="mt-3">
          <Pager page={overview.page} pages={overview.pages} href={(page) => href({ page })} />
        </div>
      </section>
    </div>
  );
}
