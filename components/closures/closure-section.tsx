import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import type { NamedClosureRequest } from "@/lib/closures/queries";
import type { CaseAccess } from "@/lib/cases/access";
import { DecideClosureForm, RequestClosureForm } from "./closure-forms";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";

/** Closure: requested by a caseworker, approved or returned by a supervisor. */
export async function ClosureSection({ access, status, user, requests }: { access: CaseAccess; status: string; user: CurrentUser; requests: NamedClosureRequest[] }) {
  const { code } = access;
  const t = await getTranslations("closure");
  const format = await getFormatter();
  const pending = requests.find((r) => r.status === "PENDING");
  if (status === "CLOSED" && requests.length === 0) return null;
  return (
    <Section id="closure-heading" title={t("title")}>
      <ul className="mt-2 space-y-2 text-sm" data-testid="closure-requests">
        {requests.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-2">
            <p className="font-semibold">{t(`status_${r.status}`)}</p>
            <p>{t("requestedBy", { name: r.requestedBy, date: format.dateTime(r.requestedAt, "moment") })}</p>
            <p className="whitespace-pre-wrap text-slate-700">{r.reason}</p>
            {r.decidedBy ? <p>{t("decidedBy", { name: r.decidedBy, date: format.dateTime(r.decidedAt!, "moment") })}</p> : null}
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
        <Disclosure summary={t("request")} className="mt-3">
          <div className="mt-2">
            <RequestClosureForm code={code} />
          </div>
        </Disclosure>
      ) : null}
    </Section>
  );
}
