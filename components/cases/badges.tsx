import { getTranslations } from "next-intl/server";

const STATUS_STYLE: Record<string, string> = {
  OPEN: "bg-green-100 text-green-900",
  ON_HOLD: "bg-amber-100 text-amber-900",
  CLOSED: "bg-slate-200 text-slate-800",
};
const SENSITIVITY_STYLE: Record<string, string> = {
  STANDARD: "bg-slate-100 text-slate-800",
  HIGH: "bg-orange-100 text-orange-900",
  RESTRICTED: "bg-red-100 text-red-900",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("enums.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status] ?? ""}`}>{t(status)}</span>;
}

export async function SensitivityBadge({ sensitivity }: { sensitivity: string }) {
  const t = await getTranslations("enums.sensitivity");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${SENSITIVITY_STYLE[sensitivity] ?? ""}`}>{t(sensitivity)}</span>;
}
