import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { can } from "@/lib/policy";
import { getCustody } from "@/lib/detention/queries";
import { formatMinor } from "@/lib/money";
import { CaseHeader } from "@/components/cases/case-header";
import { DetentionDays } from "@/components/custody/detention-flags";
import { AddDetentionForm, UpdateDetentionForm } from "@/components/custody/detention-forms";
import { AddExpenseForm, AddFineForm, AddPaymentForm } from "@/components/custody/money-forms";
import { dbDate } from "@/lib/dates";
import { cardClass } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("custody");

export default async function CustodyPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "custody" });
  const custody = await getCustody(access);
  const t = await getTranslations("custody");
  const locale = await getLocale();
  const tPayer = await getTranslations("enums.payer");
  const tCategory = await getTranslations("enums.expenseCategory");
  const format = await getFormatter();
  const canManage = can(user, "custody:manage");
  const date = (value: Date | string) => format.dateTime(typeof value === "string" ? dbDate(value) : value, "day");
  const money = (minor: number, currency: string, usdCents: number | null = null) =>
    `${formatMinor(minor)} ${currency}${usdCents !== null ? ` (≈ ${formatMinor(usdCents)} USD)` : ""}`;
  const people = file.people.map((p) => ({ value: p.id, label: p.latinName }));

  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="custody" />

      <section aria-labelledby="detention-heading" className={cardClass}>
        <h2 id="detention-heading" className="text-lg font-semibold">
          {t("detention")}
        </h2>
        {custody.episodes.length === 0 ? <p className="mt-2 text-slate-700">{t("noDetention")}</p> : null}
        <ul className="mt-3 space-y-3">
          {custody.episodes.map((episode) => (
            <li key={episode.id} className="rounded-md border border-slate-200 p-3" data-testid="detention-episode">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-semibold">
                  {episode.person.latinName} · {localName(episode.facility, locale)}
                </p>
                <DetentionDays days={episode.days} flags={episode.flags} released={Boolean(episode.releasedOn)} />
              </div>
              <p className="text-sm text-slate-700">
                {t("since", { date: date(episode.startedOn) })}
                {episode.sentenceEndsOn ? ` · ${t("sentenceUntil", { date: date(episode.sentenceEndsOn) })}` : ""}
                {episode.releasedOn ? ` · ${t("releasedOnDate", { date: date(episode.releasedOn) })}${episode.releaseReason ? ` (${episode.releaseReason})` : ""}` : ` · ${t("stillDetained")}`}
              </p>
              {canManage ? (
                <Disclosure summary={episode.releasedOn ? t("editEpisode") : t("recordRelease")} size="small" className="mt-2">
                  <div className="mt-2">
                    <UpdateDetentionForm code={file.code} episode={episode} />
                  </div>
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
        {canManage ? (
          <Disclosure summary={t("addDetention")} className="mt-4" open={custody.episodes.length === 0}>
            <div className="mt-3">
              <AddDetentionForm code={file.code} people={people} facilities={custody.facilities.map((f) => ({ value: f.id, label: localName(f, locale) }))} />
            </div>
          </Disclosure>
        ) : null}
      </section>

      <section aria-labelledby="fines-heading" className={cardClass}>
        <h2 id="fines-heading" className="text-lg font-semibold">
          {t("fines")}
        </h2>
        {custody.fines.length === 0 ? <p className="mt-2 text-slate-700">{t("noFines")}</p> : null}
        <ul className="mt-3 space-y-3">
          {custody.fines.map((fine) => (
            <li key={fine.id} className="rounded-md border border-slate-200 p-3" data-testid="fine">
              <p className="font-semibold">
                {money(fine.amountMinor, fine.currency, fine.usdCents)}
                {fine.person ? ` · ${fine.person.latinName}` : ""}
              </p>
              <p className="text-sm text-slate-700">
                {t("imposedOnDate", { date: date(fine.imposedOn) })}
                {fine.legalBasis ? ` · ${fine.legalBasis}` : ""}
              </p>
              <p className={`mt-1 text-sm font-semibold ${fine.outstanding > 0 ? "text-red-800" : "text-green-800"}`} data-testid="fine-balance">
                {fine.outstanding > 0 ? t("outstanding", { amount: money(fine.outstanding, fine.currency) }) : t("paidInFull")}
              </p>
              {fine.payments.length ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {fine.payments.map((payment) => (
                    <li key={payment.id}>
                      {date(payment.paidOn)} · {money(payment.amountMinor, fine.currency)} · {tPayer(payment.payer)}
                      {payment.receiptDocument ? ` · ${t("receiptName", { name: payment.receiptDocument.fileName })}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canManage && fine.outstanding > 0 ? (
                <Disclosure summary={t("addPayment")} size="small" className="mt-2">
                  <div className="mt-2">
                    <AddPaymentForm code={file.code} fineId={fine.id} receipts={custody.receipts.map((r) => ({ value: r.id, label: r.fileName }))} />
                  </div>
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
        {canManage ? (
          <Disclosure summary={t("addFine")} className="mt-4">
            <div className="mt-3">
              <AddFineForm code={file.code} people={people} />
            </div>
          </Disclosure>
        ) : null}
      </section>

      <section aria-labelledby="expenses-heading" className={cardClass}>
        <h2 id="expenses-heading" className="text-lg font-semibold">
          {t("expenses")}
        </h2>
        {custody.expenses.length === 0 ? <p className="mt-2 text-slate-700">{t("noExpenses")}</p> : null}
        <ul className="mt-3 divide-y divide-slate-200 text-sm">
          {custody.expenses.map((expense) => (
            <li key={expense.id} className="py-2" data-testid="expense">
              <p className="font-semibold">
                {tCategory(expense.category)} · {money(expense.amountMinor, expense.currency, expense.usdCents)}
              </p>
              <p className="text-slate-700">
                {date(expense.incurredOn)} · {expense.description} · {tPayer(expense.payer)}
                {expense.person ? ` · ${expense.person.latinName}` : ""}
              </p>
            </li>
          ))}
        </ul>
        {canManage ? (
          <Disclosure summary={t("addExpense")} className="mt-4">
            <div className="mt-3">
              <AddExpenseForm code={file.code} people={people} />
            </div>
          </Disclosure>
        ) : null}
      </section>
    </div>
  );
}
