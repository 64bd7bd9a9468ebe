// The longest a guest's access grant may run when an administrator has not
// set it (SecuritySetting.grantMaxDays): read by the grants themselves and,
// with the session, for the signed-in user (lib/auth/current-user).
export const DEFAULT_GRANT_MAX_DAYS = 30;
