import "server-only";
// E-mail is off unless SMTP_URL names a server (smtp://user:password@host:587,
// smtps://… for TLS from the start). Off, nothing is queued: reminders
// queued for weeks and sent when e-mail is switched on would be stale.

export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function mailFrom(): string {
  return process.env.SMTP_FROM ?? "Waypoint <waypoint@localhost>";
}

/** Where links in messages point: the address users open Waypoint at. */
export function appUrl(): string {
  return (process.env.WAYPOINT_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
