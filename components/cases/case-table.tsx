import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/queries";
import { SensitivityBadge, StatusBadge } from "./badges";

export async function CaseTable({ rows }: { rows: CaseListRow[] }) {
  const t = await getTranslations("cases");
  const tCountry = await getTranslations("countries");
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("caseList")}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">{t("code")}</th>
            <th scope="col" className="px-3 py-2">{t("principal")}</th>
            <th scope="col" className="px-3 py-2">{t("nationality")}</th>
            <th scope="col" className="px-3 py-2">{t("household")}</th>
            <th scope="col" className="px-3 py-2">{t("status")}</th>
            <th scope="col" className="px-3 py-2">{t("caseworker")}</th>
            <th scope="col" className="px-3 py-2">{t("updated")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <td className="whitespace-nowrap px-3 py-2 font-mono">
                <Link href={`/cases/${row.code}`} className="text-blue-800 underline">
                  {row.code}
                </Link>
              </td>
              <td className="px-3 py-2">
                <div className="font-medium">{row.principalName}</div>
                {row.principalNativeName ? <div className="text-slate-700">{row.principalNativeName}</div> : null}
                {row.matchedMember ? (
                  <div className="text-sm text-slate-700" data-testid="matched-member">
                    {t("matchedMember", { name: row.matchedMember })}
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2">{tCountry.has(row.nationality) ? tCountry(row.nationality) : row.nationality}</td>
              <td className="px-3 py-2">{row.householdSize}</td>
              <td className="space-x-1 px-3 py-2 whitespace-nowrap">
                <StatusBadge status={row.status} />
                {row.sensitivity !== "STANDARD" ? <SensitivityBadge sensitivity={row.sensitivity} /> : null}
              </td>
              <td className="px-3 py-2">{row.caseworker?.name ?? t("unassigned")}</td>
              <td className="whitespace-nowrap px-3 py-2">{format.dateTime(row.updatedAt, "momentDate")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
