// Money is held in integer minor units (satang, cents) so sums are exact.
// All the currencies Waypoint records use two decimal places for input;
// KRW, VND and LAK have no minor unit in practice but are still stored x100
// so one rule holds everywhere.
const MAX_MINOR = 2_000_000_000; // fits a PostgreSQL integer

/** "3,000" or "3000.50" → 300000 / 300050; null when not a valid amount. */
export function parseMoneyToMinor(text: string): number | null {
  const cleaned = text.replace(/[\s,]/g, "");
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return minor <= MAX_MINOR ? minor : null;
}

export function formatMinor(minor: number): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  return `${whole.toLocaleString("en-US")}${cents ? `.${String(cents).padStart(2, "0")}` : ""}`;
}
