import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CaseHeader } from "@/components/cases/case-header";
import { SummaryForm } from "@/components/summaries/summary-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Referral summary · ${(await params).code}` };
}

/** Choose the sections of a one-page PDF summary for a referral (supervisors). */
export default async function SummaryPage({ params }: Props) {
  const { user, access, file, ip } = await openCasePage(params, { permission: "case:export" });
  const t = await getTranslations("summary");
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active={null} />
      <section aria-labelledby="summary-heading" className="max-w-2xl space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <SummaryForm code={file.code} />
      </section>
    </div>
  );
}
