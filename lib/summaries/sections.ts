// The sections a case summary may contain, in page order (shared by the form and the server).
export const SUMMARY_SECTION_NAMES = ["household", "journey", "detention", "proceedings", "hearings", "documents"] as const;
export type SummarySection = (typeof SUMMARY_SECTION_NAMES)[number];
