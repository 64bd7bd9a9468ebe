import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { can } from "@/lib/policy";
import { caseDocuments } from "@/lib/documents/queries";
import { missingDocuments, proceedingStages } from "@/lib/proceedings/queries";
import { CaseHeader } from "@/components/cases/case-header";
import { UploadDocumentForm } from "@/components/documents/upload-form";
import { Section } from "@/components/ui/section";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("documents");

export default async function DocumentsPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "documents" });
  if (!can(user, "document:read")) notFound();
  const [documents, proceedings] = await Promise.all([caseDocuments(access), proceedingStages(access)]);
  // Every document of the case is listed, so the types it holds are those listed.
  const missing = missingDocuments(proceedings, documents.map((document) => document.type));
  const t = await getTranslations("documents");
  const tType = await getTranslations("documentTypes");
  const tProc = await getTranslations("proceedings");
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, "day");
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="documents" />
      {missing.length ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" data-testid="missing-documents">
          <p className="font-semibold">{tProc("missingDocuments")}</p>
          <ul className="ml-5 list-disc">
            {missing.map((type) => (
              <li key={type}>{tType(type)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="documents-heading" className="lg:col-span-2">
          <h2 id="documents-heading" className="mb-3 text-lg font-semibold">
            {t("title")}
          </h2>
          {documents.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
          <ul className="space-y-2">
            {documents.map((document) => (
              <li key={document.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="document">
                <div>
                  <p className="font-semibold">
                    {tType(document.type)}
                    {document.number ? ` · ${document.number}` : ""}
                    {document.person ? ` · ${document.person.latinName}` : ""}
                  </p>
                  <p className="text-slate-700">
                    {document.fileName} · {Math.max(1, Math.round(document.sizeBytes / 1024))} KB
                    {document.issuedOn ? ` · ${t("issued", { date: date(document.issuedOn) })}` : ""}
                    {document.expiresOn ? ` · ${t("expires", { date: date(document.expiresOn) })}` : ""}
                  </p>
                  <p className="text-slate-700">{t("uploadedBy", { name: document.uploadedBy.name, date: format.dateTime(document.uploadedAt, "moment") })}</p>
                </div>
                <a href={`/api/documents/${document.id}`} className="text-blue-800 underline" download>
                  {t("download")} <span className="sr-only">{document.fileName}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        {can(user, "document:upload") ? (
          <Section id="upload-heading" title={t("upload")} headingClassName="mb-3">
            <UploadDocumentForm code={file.code} people={file.people.map((p) => ({ value: p.id, label: p.latinName }))} />
          </Section>
        ) : null}
      </div>
    </div>
  );
}
