// Who an export with names is for: the team's own work, or outside the
// organisation under a consent purpose (lib/consent), which then decides
// whose names are given.
export const EXPORT_AUDIENCES = ["team", "UNHCR_SHARING", "RESETTLEMENT"] as const;
export type ExportAudience = (typeof EXPORT_AUDIENCES)[number];
