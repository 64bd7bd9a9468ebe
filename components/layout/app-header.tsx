import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { signOutAction } from "@/lib/auth/actions";
import { LocaleSwitch } from "./locale-switch";
import { unreadCount } from "@/lib/notifications/queries";

export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations("layout");
  const tRole = await getTranslations("roles");
  const unread = await unreadCount(user);
  return (
    <header className="border-b border-slate-300 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/cases" className="text-xl font-bold text-blue-900">
          Waypoint
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex gap-4 text-sm font-medium">
          {can(user, "case:read") ? (
            <Link href="/cases" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("cases")}
            </Link>
          ) : null}
          {can(user, "dashboard:read") ? (
            <Link href="/dashboard" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("dashboard")}
            </Link>
          ) : null}
          {can(user, "case:export") ? (
            <Link href="/exports" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("exports")}
            </Link>
          ) : null}
          {can(user, "case:read") ? (
            <Link href="/hearings" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("hearings")}
            </Link>
          ) : null}
          {can(user, "board:read") ? (
            <>
              <Link href="/deadlines" className="text-slate-800 hover:text-blue-800 hover:underline">
                {t("deadlines")}
              </Link>
              <Link href="/board" className="text-slate-800 hover:text-blue-800 hover:underline">
                {t("board")}
              </Link>
            </>
          ) : null}
          {can(user, "task:manage") ? (
            <Link href="/tasks" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("myWork")}
            </Link>
          ) : null}
          {can(user, "case:import") ? (
            <Link href="/imports" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("imports")}
            </Link>
          ) : null}
          {can(user, "referral:receive") ? (
            <Link href="/referrals" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("referrals")}
            </Link>
          ) : null}
          {can(user, "audit:read") ? (
            <Link href="/audit" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("audit")}
            </Link>
          ) : null}
          {can(user, "user:manage") ? (
            <Link href="/admin/users" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("users")}
            </Link>
          ) : null}
          {can(user, "settings:manage") ? (
            <Link href="/admin/settings" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("settings")}
            </Link>
          ) : null}
          {can(user, "case:create") ? (
            <Link href="/cases/new" className="text-slate-800 hover:text-blue-800 hover:underline">
              {t("newCase")}
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {unread > 0 ? (
            <Link href="/notifications" className="rounded bg-red-700 px-2 py-1 text-sm font-semibold text-white hover:bg-red-800">
              {t("notifications", { count: unread })}
            </Link>
          ) : null}
          <LocaleSwitch />
          <p className="text-sm" data-testid="signed-in-as">
            <Link href="/account" className="font-semibold hover:underline" title={t("account")}>
              {user.name}
            </Link>{" "}
            <span className="text-slate-700">
              · {tRole(user.role)}
              {user.teamName ? ` · ${user.teamName}` : ""}
            </span>
          </p>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
