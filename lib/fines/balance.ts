// Fine arithmetic in integer minor units (satang, cents): exact, never floats.

export function paidTotal(payments: { amountMinor: number }[]): number {
  return payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
}

export function outstanding(amountMinor: number, payments: { amountMinor: number }[]): number {
  return amountMinor - paidTotal(payments);
}

export function wouldOverpay(amountMinor: number, payments: { amountMinor: number }[], paymentMinor: number): boolean {
  return paymentMinor > outstanding(amountMinor, payments);
}

/**
 * A USD equivalent in cents, for display, from a rate in units per dollar
 * (e.g. 33.5 THB per USD). Rounded half up to the cent.
 */
export function usdEquivalentCents(amountMinor: number, unitsPerUsd: string): number | null {
  const rate = Number(unitsPerUsd);
  if (!Number.isFinite(rate) || rate <= 0) return null;
  return Math.round(amountMinor / rate);
}
