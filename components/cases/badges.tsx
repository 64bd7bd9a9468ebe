import { useTranslations } from "next-intl";

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

/** A status badge's classes, for the JSX badge here and the case list's rows written as HTML. */
export const statusBadgeClass = (status: string) => `badge ${STATUS_STYLE[status] ?? ""}`;
export const sensitivityBadgeClass = (sensitivity: string) => `badge ${SENSITIVITY_STYLE[sensitivity] ?? ""}`;

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("enums.status");
  return <span className={statusBadgeClass(status)}>{t(status)}</span>;
}

export function SensitivityBadge({ sensitivity }: { sensitivity: string }) {
  const t = useTranslations("enums.sensitivity");
  return <span className={sensitivityBadgeClass(sensitivity)}>{t(sensitivity)}</span>;
}
