import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { caseClosureRequests } from "@/lib/closures/queries";
import type { CaseAccess } from "@/lib/cases/access";
import { DecideClosureForm, RequestClosureForm } from "./closure-forms";

/** Closure: requested by a caseworker, approved or returned by a supervisor. */
export async function ClosureSection({ access, status, user }: { access: CaseAccess; status: string; user: CurrentUser }) {
  const { code } = access;
  const requests = await caseClosureRequests(access);
  const t = await getTranslations("closure");
  const format = await getFormatter();
  const pending = requests.find((r) => r.status === "PENDING");
  if (status === "CLOSED" && requests.length === 0) return null;
  return (
    <section aria-labelledby="closure-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="closure-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-2 text-sm" data-testid="closure-requests">
        {requests.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-2">
            <p className="font-semibold">{t(`status_${r.status}`)}</p>
            <p>{t("requestedBy", { name: r.requestedBy, date: format.dateTime(r.requestedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            <p className="whitespace-pre-wrap text-slate-700">{r.reason}</p>
            {r.decidedBy ? <p>{t("decidedBy", { name: r.decidedBy, date: format.dateTime(r.decidedAt!, { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
            {r.comment ? <p className="whitespace-pre-wrap text-slate-700">{r.comment}</p> : null}
          </li>
        ))}
      </ul>
      {pending && can(user, "closure:approve") ? (
        <div className="mt-3">
          <DecideClosureForm code={code} requestId={pending.id} />
        </div>
      ) : null}
      {!pending && status !== "CLOSED" && can(user, "closure:request") ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold text-blue-800">{t("request")}</summary>
          <div className="mt-2">
            <RequestClosureForm code={code} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
