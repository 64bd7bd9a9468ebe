import { describe, expect, it } from "vitest";
import { formDataToObject, splitList } from "./forms";

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
