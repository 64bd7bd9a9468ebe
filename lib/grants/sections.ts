// The sections of a case file a guest's grant may open: the case file's
// tabs. The header (code, status, team) comes with any of them.
export const CASE_SECTIONS = ["overview", "proceedings", "custody", "tasks", "documents", "referrals", "consent"] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];
