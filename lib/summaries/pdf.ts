import "server-only";
// Draws a case summary on exactly one A4 page. Sarabun (shipped in an npm
// package) covers Latin, Vietnamese and Thai, so names and labels in either
// interface language render. Each list shows its most relevant rows up to
// a fixed share of the page, then a line saying how many were left out, so
// every chosen section has room and nothing runs onto a second page.
import path from "node:path";
import PDFDocument from "pdfkit";
import type { CaseSummary } from "./case-summary";
import { SECTION_LIMITS, summaryLines } from "./lines";

const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/sarabun");
const REGULAR = path.join(FONT_DIR, "400Regular/Sarabun_400Regular.ttf");
const BOLD = path.join(FONT_DIR, "700Bold/Sarabun_700Bold.ttf");

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

const MARGIN = 42;
const FOOTER = 30;

/** `lead`: lines under the title, e.g. what a referral is for and the consent it rests on. */
export function renderCaseSummaryPdf(summary: CaseSummary, words: SummaryWords, lead: string[] = []): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, autoFirstPage: true, info: { Title: `Waypoint ${summary.code}`, Producer: "Waypoint" } });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
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
    const height = doc.heightOfString(text, { width });
    if (doc.y + height > bottom) {
      full = true;
      return false;
    }
    doc.text(text, MARGIN, doc.y, { width });
    if (options.gap) doc.moveDown(options.gap);
    return true;
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
  doc.text(label("footer", { date: summary.preparedOn }), MARGIN, doc.page.height - MARGIN - 12, { width, lineBreak: false });
  doc.end();
  return done;
}
