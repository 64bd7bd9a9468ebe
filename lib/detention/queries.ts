import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { todayInBangkok } from "@/lib/dates";
import { isoDate } from "@/lib/dates";
import { detentionDays, detentionFlags } from "./days";
import { outstanding, paidTotal, usdEquivalentCents } from "@/lib/fines/balance";

/** Detention, fines and expenses of one case. */
export async function getCustody(access: CaseAccess) {
  const { caseId } = access;
  const today = todayInBangkok();
  // The case's own records in one statement (each relation a join of it),
  // the reference lists beside it: three round trips, not six.
  const [held, facilities, rates] = await Promise.all([
    db.case.findUnique({
      where: { id: caseId },
      select: {
        detentions: {
          orderBy: { startedOn: "desc" },
          select: { id: true, startedOn: true, sentenceEndsOn: true, releasedOn: true, releaseReason: true, version: true, facility: { select: { name: true, names: true } }, person: { select: { id: true, latinName: true } } },
        },
        fines: {
          orderBy: { imposedOn: "desc" },
          select: {
            id: true,
            amountMinor: true,
            currency: true,
            legalBasis: true,
            imposedOn: true,
            person: { select: { latinName: true } },
            payments: { orderBy: { paidOn: "asc" }, select: { id: true, amountMinor: true, payer: true, paidOn: true, receiptDocument: { select: { id: true, fileName: true } } } },
          },
        },
        expenses: {
          orderBy: { incurredOn: "desc" },
          select: { id: true, category: true, description: true, amountMinor: true, currency: true, payer: true, incurredOn: true, person: { select: { latinName: true } } },
        },
        documents: { where: { type: "FINE_RECEIPT" }, select: { id: true, fileName: true }, orderBy: { uploadedAt: "desc" } },
      },
    }),
    db.facility.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, names: true } }),
    db.exchangeRate.findMany({ select: { currency: true, perUsd: true } }),
  ]);
  // A case gone since its page opened it (erased by retention) has nothing left to show.
  const { detentions: episodes, fines, expenses, documents: receipts } = held ?? { detentions: [], fines: [], expenses: [], documents: [] };
  const rate = new Map(rates.map((r) => [r.currency, r.perUsd.toString()]));
  const usd = (amountMinor: number, currency: string) => (currency === "USD" ? null : rate.has(currency) ? usdEquivalentCents(amountMinor, rate.get(currency)!) : null);
  return {
    facilities,
    receipts,
    episodes: episodes.map((e) => {
      const period = { startedOn: isoDate(e.startedOn), sentenceEndsOn: e.sentenceEndsOn ? isoDate(e.sentenceEndsOn) : null, releasedOn: e.releasedOn ? isoDate(e.releasedOn) : null };
      return { ...e, ...period, days: detentionDays(period.startedOn, period.releasedOn, today), flags: detentionFlags(period, today) };
    }),
    fines: fines.map((f) => ({ ...f, paid: paidTotal(f.payments), outstanding: outstanding(f.amountMinor, f.payments), usdCents: usd(f.amountMinor, f.currency) })),
    expenses: expenses.map((e) => ({ ...e, usdCents: usd(e.amountMinor, e.currency) })),
  };
}
export type Custody = Awaited<ReturnType<typeof getCustody>>;
