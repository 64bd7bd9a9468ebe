import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { getUserForAdmin } from "@/lib/users/queries";
import { ActiveForm, EditUserForm, ResetTotpForm, SetPasswordForm } from "@/components/users/user-forms";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("user");


export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("user:manage");
  const { id } = await params;
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await getUserForAdmin(id) : null;
  if (!found) notFound();
  const { user, teams, openSessions } = found;
  const t = await getTranslations("users");
  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-blue-800 underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{user.name}</h1>
      <p className="text-sm text-slate-700">
        {user.email} · {user.active ? t("active") : t("deactivated")} · {t("openSessions", { count: openSessions })}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="edit-heading" className={cardClass}>
          <h2 id="edit-heading" className="mb-2 text-lg font-semibold">
            {t("edit")}
          </h2>
          <EditUserForm user={user} teams={teams} />
        </section>
        <div className="space-y-6">
          <section aria-labelledby="access-heading" className={cardClass}>
            <h2 id="access-heading" className="mb-2 text-lg font-semibold">
              {t("access")}
            </h2>
            <ActiveForm id={user.id} active={user.active} />
          </section>
          <section aria-labelledby="password-heading" className={cardClass}>
            <h2 id="password-heading" className="mb-2 text-lg font-semibold">
              {t("setPassword")}
            </h2>
            <SetPasswordForm id={user.id} />
          </section>
          <section aria-labelledby="totp-heading" className={cardClass}>
            <h2 id="totp-heading" className="mb-2 text-lg font-semibold">
              {t("twoFactor")}
            </h2>
            <p className="mb-2 text-sm text-slate-700">{user.totpEnabledAt ? t("totpOn") : t("totpOff")}</p>
            {user.totpEnabledAt ? <ResetTotpForm id={user.id} /> : null}
          </section>
        </div>
      </div>
    </div>
  );
}
