import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const user = await requireUser();
  const t = await getTranslations("cases");
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {!can(user, "case:read") ? <p className="mt-4 text-slate-700">{t("noCaseAccess")}</p> : null}
    </div>
  );
}
