import { html } from "@/lib/html";

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

/** A case's status as a badge, written as HTML text (lib/html) for the case list's rows and the case header. */
export const statusBadge = (status: string, label: string) => html`<span class="badge ${STATUS_STYLE[status] ?? ""}">${label}</span>`;

/** A case's sensitivity as a badge, likewise. */
export const sensitivityBadge = (sensitivity: string, label: string) => html`<span class="badge ${SENSITIVITY_STYLE[sensitivity] ?? ""}">${label}</span>`;
