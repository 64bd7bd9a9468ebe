import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getTranslations } from "@/lib/i18n/server";
import { assignmentOptions } from "@/lib/cases/queries";
import { isoDate } from "@/lib/dates";
import { formatMinor } from "@/lib/money";
import { CaseEditForm } from "@/components/cases/case-edit-form";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("editCase");

export default async function EditCasePage({ params }: Props) {
  const { user, file } = await openCasePage(params, { purpose: "edit", permission: "case:update" });
  const t = await getTranslations("edit");
  const { staff } = await assignmentOptions(user, file.teamId);
  const journey = file.journey;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("caseTitle", { code: file.code })}</h1>
      <CaseEditForm
        code={file.code}
        staff={staff}
        defaults={{
          version: file.version,
          status: file.status,
          sensitivity: file.sensitivity,
          caseworkerId: file.caseworkerId,
          journey: {
            originCountry: journey?.originCountry,
            transitCountries: journey?.transitCountries,
            entryPoint: journey?.entryPoint,
            entryDate: isoDate(journey?.entryDate),
            entryMethod: journey?.entryMethod,
            brokerFee: journey?.brokerFeeMinor != null ? formatMinor(journey.brokerFeeMinor).replace(/,/g, "") : "",
            brokerFeeCurrency: journey?.brokerFeeCurrency,
          },
        }}
      />
    </div>
  );
}
