import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getTranslations } from "@/lib/i18n/server";
import { PersonForm } from "@/components/cases/person-form";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("addPerson");

export default async function AddPersonPage({ params }: Props) {
  const { file } = await openCasePage(params, { purpose: "edit", permission: "person:update" });
  const t = await getTranslations("edit");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("addPersonTitle", { code: file.code })}</h1>
      <PersonForm code={file.code} />
    </div>
  );
}
