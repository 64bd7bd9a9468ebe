import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("river lantern copper 47")).toBeNull();
    expect(passwordProblem("ข้ามแม่น้ำโขงตอนเช้า")).toBeNull();
  });

  it("refuses short passwords, counting characters not bytes", () => {
    expect(passwordProblem("short-pass1")).toBe("passwordTooShort");
    expect(passwordProblem("ก".repeat(11))).toBe("passwordTooShort");
    expect(passwordProblem("x".repeat(300))).toBe("passwordTooLong");
  });

  it("refuses common passwords, in any case and with digits or symbols added", () => {
    expect(passwordProblem("qwerty123456")).toBe("passwordCommon");
    expect(passwordProblem("QWERTY123456")).toBe("passwordCommon");
    expect(passwordProblem("1qaz2wsx3edc")).toBe("passwordCommon");
    expect(passwordProblem("password2026!!")).toBe("passwordCommon");
    expect(passwordProblem("sunshine12345")).toBe("passwordCommon");
  });

  it("refuses repetition and the account's own e-mail or name", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toBe("passwordRepetitive");
    expect(passwordProblem("ababababababab")).toBe("passwordRepetitive");
    expect(passwordProblem("malee.demo-is-my-pass", { email: "malee.demo@ngo.test" })).toBe("passwordPersonal");
    expect(passwordProblem("somchai loves rivers", { name: "Somchai Demo" })).toBe("passwordPersonal");
  });
});
