import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { IDENTIFYING_COLUMNS, PSEUDONYMISED_COLUMNS } from "@/lib/exports/cases";
import { ExportForm } from "@/components/exports/export-form";
import { cardClass } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("exports");

export default async function ExportsPage() {
  await requirePermission("case:export");
  const t = await getTranslations("exports");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <div className={`${cardClass} text-sm`}>
        <p>
          {/* Column keys as the file names them (stable codes, the same in every language). */}
          <strong>{t("columns")}</strong> <code>{PSEUDONYMISED_COLUMNS.join(", ")}</code>
        </p>
        <p className="mt-1">
          <strong>{t("identifyingColumns")}</strong> <code>{IDENTIFYING_COLUMNS.join(", ")}</code>
        </p>
        <p className="mt-1 text-slate-700">{t("never")}</p>
      </div>
      <ExportForm />
    </div>
  );
}
