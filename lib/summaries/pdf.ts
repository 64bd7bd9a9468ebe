import "server-only";
// Draws a case summary on exactly one A4 page. Sarabun (shipped in an npm
// package) covers Latin, Vietnamese and Thai; Hangul is drawn in Noto Sans
// KR (another font package), run by run, so a North Korean name prints as
// written, not as empty boxes. Each list shows its most relevant rows up to
// a fixed share of the page, then a line saying how many were left out, so
// every chosen section has room and nothing runs onto a second page.
import path from "node:path";
import PDFDocument from "pdfkit";
import type { CaseSummary } from "./case-summary";
import { SECTION_LIMITS, summaryLines } from "./lines";

const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/sarabun");
const REGULAR = path.join(FONT_DIR, "400Regular/Sarabun_400Regular.ttf");
const BOLD = path.join(FONT_DIR, "700Bold/Sarabun_700Bold.ttf");
const KOREAN_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-kr");
const KOREAN_REGULAR = path.join(KOREAN_DIR, "400Regular/NotoSansKR_400Regular.ttf");
const KOREAN_BOLD = path.join(KOREAN_DIR, "700Bold/NotoSansKR_700Bold.ttf");

/** Hangul syllables and letters, and CJK punctuation: what Sarabun has no glyphs for. */
const HANGUL = /[\u1100-\u11FF\u3000-\u303F\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]+/g;

/** A line split into runs of Hangul and of everything else, in order. */
export function scriptRuns(text: string): { text: string; hangul: boolean }[] {
  const runs: { text: string; hangul: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(HANGUL)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), hangul: false });
    runs.push({ text: match[0], hangul: true });
    at = match.index + match[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), hangul: false });
  return runs;
}

/** The words the page needs, in the reader's language. */
export type SummaryWords = {
  label: (key: string, values?: Record<string, string | number>) => string;
  relationship: (value: string) => string;
  sex: (value: string) => string;
  status: (value: string) => string;
  proceedingType: (value: string) => string;
  stage: (value: string) => string;
  hearingPurpose: (value: string) => string;
  documentType: (value: string) => string;
  country: (code: string) => string;
  /** A task's title in the reader's language (lib/tasks/titles). */
  taskTitle: (task: { title: string; ruleKey?: string | null }) => string;
};

/**
 * Without the 'ccmp' feature, Thai SARA AM stays one glyph, so text copied
 * or searched from the PDF is what was written ("คำ", not "คำา"), and the
 * SARA AA of "งาน" is not taken for part of it. Measuring and drawing both
 * use it: the font remembers each glyph's text from its first use.
 */
const THAI_AS_WRITTEN = { features: { ccmp: false } as never };

const MARGIN = 42;
const FOOTER = 30;

/** `lead`: lines under the title, e.g. what a referral is for and the consent it rests on. */
export function renderCaseSummaryPdf(summary: CaseSummary, words: SummaryWords, lead: string[] = []): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, autoFirstPage: true, info: { Title: `Waypoint ${summary.code}`, Producer: "Waypoint" } });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  doc.registerFont("regular-ko", KOREAN_REGULAR);
  doc.registerFont("bold-ko", KOREAN_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - FOOTER;
  const { label } = words;
  let full = false;

  /** Writes a line if it fits on the page; false once the page is full. */
  const line = (text: string, options: { font?: "regular" | "bold"; size?: number; gap?: number } = {}) => {
    if (full) return false;
    doc.font(options.font ?? "regular").fontSize(options.size ?? 9.5);
    const height = doc.heightOfString(text, { width, ...THAI_AS_WRITTEN });
    if (doc.y + height > bottom) {
      full = true;
      return false;
    }
    write(text, options.font ?? "regular", MARGIN, doc.y);
    if (options.gap) doc.moveDown(options.gap);
    return true;
  };
  /** Writes text run by run, each in the font that has its glyphs (pdfkit continues the line across runs). */
  const write = (text: string, font: "regular" | "bold", x: number, y: number, extra: { lineBreak?: boolean } = {}) => {
    const runs = scriptRuns(text);
    for (const [index, run] of runs.entries()) {
      doc.font(run.hangul ? `${font}-ko` : font);
      const options = { width, ...extra, continued: index < runs.length - 1, ...THAI_AS_WRITTEN };
      if (index === 0) doc.text(run.text, x, y, options);
      else doc.text(run.text, options);
    }
  };
  const heading = (key: string) => {
    if (full) return;
    doc.moveDown(0.5);
    line(label(key), { font: "bold", size: 11.5 });
  };
  /** Lists up to `limit` rows (fewer if the page fills), then says how many were left out. */
  const rows = (items: string[], limit: number) => {
    if (items.length === 0) return void line(label("none"));
    for (const [index, item] of items.entries()) {
      const remaining = items.length - index;
      // Stop at the limit, or while there is still room for the "and N more" line.
      if (remaining > 1 && (index === limit || doc.y + 2 * doc.currentLineHeight(true) > bottom)) {
        line(label("more", { count: remaining }));
        return;
      }
      if (!line(`• ${item}`)) return;
    }
  };

  line(label("title", { code: summary.code }), { font: "bold", size: 16 });
  line(
    label("facts", {
      status: words.status(summary.status),
      team: summary.team,
      nationality: words.country(summary.nationality),
      size: summary.householdSize,
      opened: summary.openedOn,
    }),
  );
  for (const text of lead) line(text);
  line(label(summary.identifying ? "identifyingNotice" : "pseudonymisedNotice"), { size: 8.5, gap: 0.3 });

  const lines = summaryLines(summary, words);
  for (const [section, limit] of Object.entries(SECTION_LIMITS) as [keyof typeof SECTION_LIMITS, number][]) {
    const items = lines[section];
    if (!items) continue;
    heading(section);
    if (section === "journey") line(items[0]);
    else rows(items, limit);
  }

  // The footer sits below the content area; with no bottom margin left to
  // trip pdfkit's automatic page break, it stays on this one page.
  doc.page.margins.bottom = 0;
  doc.font("regular").fontSize(8).fillColor("#333333");
  write(label("footer", { date: summary.preparedOn }), "regular", MARGIN, doc.page.height - MARGIN - 12, { lineBreak: false });
  doc.end();
  return done;
}
