import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { signOutAction } from "@/lib/auth/actions";
import { LocaleSwitch } from "./locale-switch";

/** The main navigation: each place only for those whose role may use it. */
function links(user: CurrentUser) {
  const all = [
    { href: "/cases", label: "cases", allowed: can(user, "case:read") },
    { href: "/dashboard", label: "dashboard", allowed: can(user, "dashboard:read") },
    { href: "/exports", label: "exports", allowed: can(user, "case:export") },
    { href: "/hearings", label: "hearings", allowed: can(user, "case:read") },
    { href: "/deadlines", label: "deadlines", allowed: can(user, "board:read") },
    { href: "/board", label: "board", allowed: can(user, "board:read") },
    { href: "/tasks", label: "myWork", allowed: can(user, "task:manage") },
    { href: "/imports", label: "imports", allowed: can(user, "case:import") },
    { href: "/referrals", label: "referrals", allowed: can(user, "referral:receive") },
    { href: "/audit", label: "audit", allowed: can(user, "audit:read") },
    { href: "/admin/users", label: "users", allowed: can(user, "user:manage") },
    { href: "/admin/settings", label: "settings", allowed: can(user, "settings:manage") },
    { href: "/cases/new", label: "newCase", allowed: can(user, "case:create") },
  ] as const;
  return all.filter((link) => link.allowed);
}

export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations("layout");
  const tRole = await getTranslations("roles");
  // Counted with the session check (lib/auth/sessions): no statement of its own on every page.
  const unread = user.unreadNotices;
  return (
    <header className="border-b border-slate-300 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/cases" className="text-xl font-bold text-blue-900">
          Waypoint
        </Link>
        <nav aria-label={t("mainNavigation")}>
          {/* Wraps onto more lines on a phone rather than widening the page. */}
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
            {links(user).map(({ href, label }) => (
              <li key={href}>
                <Link href={href} className="text-slate-800 hover:text-blue-800 hover:underline">
                  {t(label)}
                </Link>
              </li>
            ))}
          </ul>
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
