/** The shortest password an encrypted export may have (shared by the form and the server). */
export const MIN_ARCHIVE_PASSWORD = 12;
