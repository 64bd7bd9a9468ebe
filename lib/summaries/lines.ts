// The text of each section of a case summary, one string per row: the same
// words on the one-page PDF (pdf.ts) and on a referral's page in Waypoint.
import type { CaseSummary } from "./case-summary";
import type { SummaryWords } from "./pdf";

export function summaryLines(summary: CaseSummary, words: SummaryWords) {
  const { label } = words;
  return {
    household: summary.household?.map((p) =>
      // An entry an erasure emptied (lib/people/erase-copies) keeps its place and nothing else.
      "erased" in p && p.erased
        ? label("erasedMember")
        : [
        "name" in p && p.name ? p.name : null,
        words.relationship(p.relationship),
        words.sex(p.sex),
        p.birthYear ? label("born", { year: p.birthYear }) : label("bornUnknown"),
        words.country(p.nationality),
        "unhcrNumber" in p && p.unhcrNumber ? `UNHCR ${p.unhcrNumber}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    journey: summary.journey
      ? [
          [
            summary.journey.originCountry ? label("origin", { country: words.country(summary.journey.originCountry) }) : null,
            summary.journey.entryPoint ? label("entryPoint", { place: summary.journey.entryPoint }) : null,
            summary.journey.entryDate ? label("entered", { date: summary.journey.entryDate }) : null,
          ]
            .filter(Boolean)
            .join(" · ") || label("none"),
        ]
      : undefined,
    detention: summary.detention?.map((d) => `${d.facility}: ${d.startedOn} – ${d.releasedOn ?? label("stillHeld")} (${label("days", { count: d.days })})`),
    proceedings: summary.proceedings?.map(
      (p) =>
        `${words.proceedingType(p.type)}: ${words.stage(p.stage)}${p.closed ? ` (${label("closed")})` : ""}` +
        (p.nextDeadline ? ` · ${label("nextDeadline", { date: p.nextDeadline.dueOn, title: words.taskTitle(p.nextDeadline) })}` : ""),
    ),
    hearings: summary.hearings?.map(
      (h) =>
        `${h.startsAt.toLocaleString("sv-SE", { timeZone: "Asia/Bangkok", dateStyle: "short", timeStyle: "short" })} · ${h.court} · ${words.proceedingType(h.type)} · ${words.hearingPurpose(h.purpose)}`,
    ),
    documents: summary.documents?.map((d) => words.documentType(d.type) + (d.expiresOn ? ` (${label("expires", { date: d.expiresOn })})` : "")),
  };
}

/** Sections in page order, with how many rows each may take on the one page. */
export const SECTION_LIMITS = { household: 12, journey: 1, detention: 5, proceedings: 8, hearings: 5, documents: 10 } as const;
