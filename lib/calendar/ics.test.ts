import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ics";

const octets = (text: string) => new TextEncoder().encode(text).length;

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
});

describe("foldLine", () => {
  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:Hearing")).toBe("SUMMARY:Hearing");
  });

  it("folds at 75 octets with a leading space on continuation lines", () => {
    const folded = foldLine(`DESCRIPTION:${"x".repeat(200)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(3);
    expect(octets(lines[0])).toBe(75);
    for (const line of lines.slice(1)) {
      expect(line.startsWith(" ")).toBe(true);
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`DESCRIPTION:${"x".repeat(200)}`);
  });

  it("never splits a multi-byte character (Thai, Hangul)", () => {
    const text = `LOCATION:${"ศาลอาญา 법원 ".repeat(20)}`;
    const lines = foldLine(text).split("\r\n");
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(text);
  });
});

describe("buildCalendar", () => {
  const calendar = buildCalendar({
    name: "Waypoint: hearings, deadlines",
    now: new Date("2026-11-22T05:00:00Z"),
    events: [
      { uid: "hearing-1@waypoint", summary: "WP-2026-000123: Verdict", location: "Criminal Court, Bangkok", start: new Date("2026-12-01T02:30:00Z"), end: new Date("2026-12-01T04:30:00Z") },
      { uid: "task-1@waypoint", summary: "WP-2026-000123: File the criminal appeal", date: "2026-12-31", allDay: true },
    ],
  });
  const lines = calendar.split("\r\n");

  it("is a VCALENDAR with CRLF line endings and required properties", () => {
    expect(calendar.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(calendar.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l === "DTSTAMP:20261122T050000Z")).toHaveLength(2);
  });

  it("writes a 09:30 Bangkok hearing as 02:30 UTC", () => {
    expect(lines).toContain("DTSTART:20261201T023000Z");
    expect(lines).toContain("DTEND:20261201T043000Z");
    expect(lines).toContain("LOCATION:Criminal Court\\, Bangkok");
  });

  it("writes deadlines as all-day events ending the next day", () => {
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270101");
    expect(lines).toContain("X-WR-CALNAME:Waypoint: hearings\\, deadlines");
  });

  it("keeps every line within 75 octets", () => {
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});
