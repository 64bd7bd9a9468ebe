import { describe, expect, it } from "vitest";
import { cleanText, formDataToObject, splitList } from "./forms";

describe("formDataToObject", () => {
  it("nests dotted names into objects and arrays", () => {
    const form = new FormData();
    form.append("teamId", "t1");
    form.append("members.0.latinName", "A");
    form.append("members.1.latinName", "B");
    form.append("members.1.vulnerabilities", "CHILD");
    form.append("members.1.vulnerabilities", "MEDICAL");
    form.append("journey.entryPoint", "Nong Khai");
    form.append("$ACTION_ID_abc", "");
    expect(formDataToObject(form, (name) => name.endsWith("vulnerabilities"))).toEqual({
      teamId: "t1",
      members: [{ latinName: "A" }, { latinName: "B", vulnerabilities: ["CHILD", "MEDICAL"] }],
      journey: { entryPoint: "Nong Khai" },
    });
  });
});

describe("splitList", () => {
  it("splits on commas, trims and removes duplicates and blanks", () => {
    expect(splitList(" Korean, Chinese,,Korean ")).toEqual(["Korean", "Chinese"]);
    expect(splitList("")).toEqual([]);
  });
});

describe("text as it arrives (issue 18, item 4)", () => {
  it("loses invisible and direction-control characters and is composed, except in secrets", () => {
    const form = new FormData();
    form.append("members.0.latinName", "Zero\u200BWidth");
    form.append("members.1.latinName", "Nguy\u202Een\u2066 Test\uFEFF");
    // "Nguyễn" typed decomposed (as some keyboards send it) is stored composed.
    form.append("members.2.latinName", "Nguye\u0302\u0303n");
    form.append("note", "Line one\nLine\ttwo 👨\u200D👩\u200D👧");
    form.append("password", "pass\u200Bword\u0065\u0301");
    form.append("archivePassword", "e\u0301\u202E");
    const read = formDataToObject(form) as { members: { latinName: string }[]; note: string; password: string; archivePassword: string };
    expect(read.members.map((m) => m.latinName)).toEqual(["ZeroWidth", "Nguyen Test", "Nguyễn"]);
    expect(read.members[2].latinName).toBe("Nguy\u1EC5n");
    // Line breaks, tabs and the joiners emoji need are kept.
    expect(read.note).toBe("Line one\nLine\ttwo 👨\u200D👩\u200D👧");
    // A password is compared as typed: nothing is taken from it.
    expect(read.password).toBe("pass\u200Bword\u0065\u0301");
    expect(read.archivePassword).toBe("e\u0301\u202E");
    expect(cleanText("\u202Etset")).toBe("tset");
  });
});
