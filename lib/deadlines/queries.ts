import "server-only";
import { db } from "@/lib/db";
import { dbDate, isoDate, isoWeekday } from "@/lib/dates";
import { publicHolidays } from "./court-calendar";

/** A year of the court calendar: the library's public holidays and the administrator's closures, by date. */
export async function courtCalendarYear(year: number) {
  const closures = await db.courtClosure.findMany({
    where: { date: { gte: dbDate(`${year}-01-01`), lte: dbDate(`${year}-12-31`) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true },
  });
  const names = publicHolidays(year);
  return {
    holidays: [...names].map(([date, name]) => ({ date, name, onWeekend: isoWeekday(date) >= 6 })),
    closures: closures.map((c) => ({ date: isoDate(c.date), kind: c.kind, name: c.name })),
  };
}
