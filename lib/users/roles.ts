// The roles, in the order forms list them (shared by client forms and the server).
export const ROLES = ["CASEWORKER", "SUPERVISOR", "LEGAL_OFFICER", "GUEST", "ADMIN"] as const;
