import type { Metadata } from "next";
import { recordPageView } from "@/lib/page-views";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { importBatchView } from "@/lib/imports/queries";
import { IMPORT_FIELDS, REQUIRED_FIELDS } from "@/lib/imports/fields";
import { ImportWizard } from "@/components/imports/import-wizard";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("importBatch");

export default async function ImportBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("case:import");
  const view = await importBatchView(user, (await params).id);
  if (view) await recordPageView(user, "import-batch", { cases: [], entityId: view.batch.id, detail: { rows: view.table?.rows.length ?? 0 } });
  if (!view) notFound();
  const { batch, table, team, initial } = view;
  const t = await getTranslations("imports");
  return (
    <div className="space-y-4">
      <Link href="/imports" className="text-sm text-blue-800 underline">
        ← {t("title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("batchTitle", { file: batch.fileName || t("fileRemoved") })}</h1>
      <p className="text-slate-700">{t("batchFacts", { source: batch.source, team, rows: batch.rowsTotal })}</p>
      {batch.fileName === "" ? (
        <p className="rounded border border-slate-400 bg-slate-50 p-4">{t("removedByRetention")}</p>
      ) : table ? (
        <ImportWizard
          batchId={batch.id}
          headers={table.headers}
          sample={table.rows.slice(0, 3)}
          fields={[...IMPORT_FIELDS]}
          required={REQUIRED_FIELDS}
          initial={initial}
          hasReport={batch.errorReport !== null}
        />
      ) : (
        <p className="rounded border border-emerald-600 bg-emerald-50 p-4">
          {t("importedSummary", { imported: batch.rowsImported, rejected: batch.rowsRejected })}
          {batch.errorReport ? (
            <>
              {" "}
              <a href={`/api/imports/${batch.id}/report`} className="text-blue-800 underline">
                {t("report")}
              </a>
            </>
          ) : null}
        </p>
      )}
    </div>
  );
}
