import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { importsOverview } from "@/lib/imports/queries";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { Section } from "@/components/ui/section";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("imports");

/** Supervisors import cases from spreadsheets: upload here, then map, check and import. */
export default async function ImportsPage() {
  const user = await requirePermission("case:import");
  const { teams, sources, batches } = await importsOverview(user);
  const t = await getTranslations("imports");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      <Section id="upload-heading" title={t("uploadHeading")} className="max-w-xl space-y-3">
        <ImportUploadForm teams={teams} sources={sources} />
      </Section>
      <section aria-labelledby="recent-heading" className="space-y-2">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {batches.length === 0 ? (
          <p className="text-slate-700">{t("noneYet")}</p>
        ) : (
          <ul className="space-y-2">
            {batches.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-300 bg-white p-3 text-sm">
                <span>
                  <Link href={`/imports/${b.id}`} className="font-semibold text-blue-800 underline">
                    {b.fileName || t("fileRemoved")}
                  </Link>{" "}
                  · {b.source} · {format.dateTime(b.createdAt, "moment")}
                </span>
                <span>
                  {b.status === "IMPORTED" ? t("importedSummary", { imported: b.rowsImported, rejected: b.rowsRejected }) : t("notImported", { rows: b.rowsTotal })}
                  {b.errorReport ? (
                    <>
                      {" · "}
                      <a href={`/api/imports/${b.id}/report`} className="text-blue-800 underline">
                        {t("report")}
                      </a>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
