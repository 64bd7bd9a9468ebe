import type { Formats } from "next-intl";

// The app's date formats, one set per locale (the locale decides how each
// looks): pages name one of these instead of spelling out options, so a date
// reads the same everywhere.
// - day: a calendar date (stored as UTC midnight, so shown in UTC): "1 Dec 2026".
// - weekday: a calendar date where the day of the week matters (deadlines, hearings, court days): "Tue, 1 Dec 2026".
// - moment: an instant, in Bangkok time: "1 Dec 2026, 14:05"; exactMoment
//   adds seconds (the audit log); momentDate is an instant's day; time its hour.
// - longDay, shortDay: a calendar date as a calendar's day heading ("Tuesday,
//   1 December 2026"; "Tue 1"); month: a calendar month ("December 2026").
export const formats = {
  dateTime: {
    day: { dateStyle: "medium", timeZone: "UTC" },
    weekday: { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
    moment: { dateStyle: "medium", timeStyle: "short" },
    exactMoment: { dateStyle: "medium", timeStyle: "medium" },
    momentDate: { dateStyle: "medium" },
    time: { timeStyle: "short" },
    longDay: { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
    shortDay: { weekday: "short", day: "numeric", timeZone: "UTC" },
    month: { month: "long", year: "numeric", timeZone: "UTC" },
  },
} satisfies Formats;

declare module "next-intl" {
  interface AppConfig {
    Formats: typeof formats;
  }
}
