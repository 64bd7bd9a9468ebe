import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeServerError } from "./server-errors";

// Security finding 13: Prisma validation errors printed the whole query, values included, to the log.
describe("describeServerError", () => {
  it("logs a database client error by kind and code only, never the query or its values", () => {
    const validation = new Prisma.PrismaClientValidationError("Invalid `prisma.person.create()` invocation:\n{ data: { latinName: \"Kim Secret\", phone: \"+66 81 234 5678\" } }", { clientVersion: "7" });
    const known = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`unhcrNumber`) value 123-45C00001", { code: "P2002", clientVersion: "7" });
    expect(describeServerError(validation)).toEqual({ kind: "PrismaClientValidationError" });
    expect(describeServerError(known)).toEqual({ kind: "PrismaClientKnownRequestError", code: "P2002" });
    expect(JSON.stringify([describeServerError(validation), describeServerError(known)])).not.toMatch(/Kim|\+66|123-45/);
  });

  it("keeps the first line of other errors, cut short", () => {
    expect(describeServerError(new TypeError(`bad thing\nsecond line ${"x".repeat(10)}`))).toEqual({ kind: "TypeError", message: "bad thing" });
    expect(describeServerError(new Error("y".repeat(500))).message).toHaveLength(200);
    expect(describeServerError("a string")).toEqual({ kind: "string" });
  });
});
