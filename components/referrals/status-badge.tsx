import { getTranslations } from "@/lib/i18n/server";

const TONES: Record<string, string> = {
  SENT: "bg-blue-100 text-blue-900",
  ACCEPTED: "bg-emerald-100 text-emerald-900",
  DECLINED: "bg-slate-200 text-slate-900",
  COMPLETED: "bg-emerald-700 text-white",
};

export async function ReferralStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("referrals.status");
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? ""}`}>{t(status)}</span>;
}
