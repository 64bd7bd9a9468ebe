import type { Metadata } from "next";
import { recordPageView } from "@/lib/page-views";
import { html } from "@/lib/html";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current-user";
import { myNotifications } from "@/lib/notifications/queries";
import { markAllReadAction } from "@/lib/notifications/actions";
import { pageTitle } from "@/lib/page-title";
import { Pager, pageParam } from "@/components/ui/pager";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("notifications");

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const { rows: notifications, page, older } = await myNotifications(user, pageParam((await searchParams).page));
  await recordPageView(user, "notifications", { cases: notifications.flatMap((n) => (n.case ? [n.case.code] : [])), detail: { listPage: page } });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {user.unreadNotices > 0 ? (
          <form action={markAllReadAction}>
            <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
      </div>
      {notifications.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
      {/* Written as HTML text (lib/html), styled by the `entry` class (app/globals.css), unread ones marked. */}
      <HtmlText
        as="ul"
        className="space-y-2"
        markup={
          notifications.map(
            (n) =>
              html`<li class="${n.readAt ? "entry p-3" : "entry unread p-3"}" data-testid="notification"><p>${t.has(`kind_${n.kind}`) ? t(`kind_${n.kind}`) : n.kind}${
                n.case ? html` · <a href="/cases/${n.case.code}">${n.case.code}</a>` : null
              }</p><p>${format.dateTime(n.createdAt, "moment")}</p></li>`,
          )
        }
      />
      <Pager page={page} more={older} href={(n) => `/notifications?page=${n}`} />
    </div>
  );
}
