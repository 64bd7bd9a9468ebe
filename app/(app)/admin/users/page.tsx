import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/queries";
import { CreateUserForm, SecuritySettingForm } from "@/components/users/user-forms";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("users");

const th = "px-3 py-2 text-left font-semibold";
const td = "px-3 py-2";

export default async function UsersPage() {
  await requirePermission("user:manage");
  const { users, teams, totpRequiredFor, grantMaxDays } = await listUsers();
  const t = await getTranslations("users");
  const tRole = await getTranslations("roles");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="accounts-heading" className={cardClass}>
        <h2 id="accounts-heading" className="mb-2 text-lg font-semibold">
          {t("accounts", { count: users.length })}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="users">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>{t("name")}</th>
                <th scope="col" className={th}>{t("email")}</th>
                <th scope="col" className={th}>{t("role")}</th>
                <th scope="col" className={th}>{t("team")}</th>
                <th scope="col" className={th}>{t("status")}</th>
                <th scope="col" className={th}>{t("twoFactor")}</th>
                <th scope="col" className={th}>{t("lastSignIn")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-t border-slate-200">
                  <td className={td}>
                    <Link href={`/admin/users/${user.id}`} className="text-blue-800 underline">
                      {user.name}
                    </Link>
                  </td>
                  <td className={td}>{user.email}</td>
                  <td className={td}>
                    {tRole(user.role)}
                    {user.organisationWide ? ` · ${t("allTeams")}` : ""}
                  </td>
                  <td className={td}>{user.team?.name ?? "—"}</td>
                  <td className={td}>{user.active ? t("active") : <span className="font-semibold text-red-800">{t("deactivated")}</span>}</td>
                  <td className={td}>{user.totpEnabledAt ? t("on") : t("off")}</td>
                  <td className={td}>{user.lastSignIn ? format.dateTime(user.lastSignIn, "moment") : t("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="create-heading" className={cardClass}>
          <h2 id="create-heading" className="mb-2 text-lg font-semibold">
            {t("create")}
          </h2>
          <CreateUserForm teams={teams} />
        </section>
        <section aria-labelledby="security-heading" className={cardClass}>
          <h2 id="security-heading" className="mb-2 text-lg font-semibold">
            {t("security")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("securityIntro")}</p>
          <SecuritySettingForm required={totpRequiredFor} grantMaxDays={grantMaxDays} />
        </section>
      </div>
    </div>
  );
}
