import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requirePermission } from "@/lib/auth/current-user";
import { auditFilterOptions, auditFilterSchema, browseAudit } from "@/lib/audit-log/queries";
import { clientIp } from "@/lib/request-context";
import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { pageTitle } from "@/lib/page-title";
import { html } from "@/lib/html";
import { HtmlText } from "@/components/ui/html-text";

export const generateMetadata = pageTitle("audit");

/** Entries of the audit log this user may read, newest first, with filters. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("audit:read");
  const filter = auditFilterSchema.parse(await searchParams);
  const [page, options] = await Promise.all([browseAudit(user, filter, await clientIp()), auditFilterOptions(user)]);
  const t = await getTranslations("auditLog");
  const format = await getFormatter();
  const rows = page?.rows ?? [];
  const older = new URLSearchParams(Object.entries({ ...filter, before: page?.next?.toString() }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{user.role === "ADMIN" ? t("scopeAdmin") : t("scopeSupervisor")}</p>
      <form method="get" action="/audit" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3" aria-label={t("filters")}>
        {user.role === "ADMIN" ? null : <TextField label={t("caseCode")} name="code" defaultValue={filter.code} className="w-44" />}
        <SelectField label={t("who")} name="actor" defaultValue={filter.actor ?? ""} options={[{ value: "", label: t("anyone") }, ...options.people.map((p) => ({ value: p.id, label: p.name }))]} />
        <TextField label={t("action")} name="action" defaultValue={filter.action} hint={t("actionHint")} className="w-48" />
        <DateField label={t("from")} name="from" defaultValue={filter.from} />
        <DateField label={t("to")} name="to" defaultValue={filter.to} />
        <Button type="submit">{t("apply")}</Button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="data-table min-w-full text-sm" data-testid="audit-rows">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("case")}</th>
                <th scope="col">{t("fields")}</th>
                <th scope="col">{t("address")}</th>
              </tr>
            </thead>
            {/* Rows are written as HTML text (lib/html); fields are the record's own names, codes as the action is. */}
            <HtmlText
              as="tbody"
              markup={
                rows.map(
                  (row) =>
                    html`<tr><td class="whitespace-nowrap">${format.dateTime(row.at, "exactMoment")}</td><td>${row.actor ?? t("unknown")}</td><td><code>${row.action}</code></td><td class="font-mono">${row.code ?? "—"}</td><td><code>${row.fields.join(", ")}</code></td><td class="font-mono">${row.ip ?? "—"}</td></tr>`,
                )
              }
            />
          </table>
        </div>
      )}
      {page?.next ? (
        <Link href={`/audit?${older}`} className="text-sm text-blue-800 underline" rel="next">
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
