import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { assignmentOptions } from "@/lib/cases/queries";
import { IntakeForm } from "@/components/cases/intake-form";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("newCase");

export default async function NewCasePage() {
  const user = await requirePermission("case:create");
  const t = await getTranslations("intake");
  const { teams, staff } = await assignmentOptions(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <IntakeForm teams={teams} staff={staff} currentUserId={user.id} />
    </div>
  );
}
