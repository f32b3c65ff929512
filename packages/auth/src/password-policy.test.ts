import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@truce/db/seed";
import { checkNewPassword } from "./password-policy";

describe("the rule for new passwords", () => {
  it("refuses fewer than 8 characters and accepts exactly 8", () => {
    expect(checkNewPassword("kx7#qpz")).toEqual({ ok: false, reason: "too_short" });
    expect(checkNewPassword("kx7#qpzw")).toEqual({ ok: true });
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(checkNewPassword("a".repeat(64) + "b".repeat(64))).toEqual({ ok: true });
    expect(checkNewPassword("a".repeat(65) + "b".repeat(64))).toEqual({
      ok: false,
      reason: "too_long",
    });
  });

  it("counts characters, not UTF-16 units: 8 emoji are 8 characters", () => {
    // 7 emoji are 14 UTF-16 units: still too short
    expect(checkNewPassword("🦊🐻🦉🐺🦔🦫🦡")).toEqual({ ok: false, reason: "too_short" });
    expect(checkNewPassword("🦊🐻🦉🐺🦔🦫🦡🦦")).toEqual({ ok: true });
    expect(checkNewPassword("🦊".repeat(128))).toEqual({ ok: true });
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const p of ["password", "12345678", "iloveyou", "Qwertyuiop", "PASSWORD1", "sunshine"]) {
      expect(checkNewPassword(p), p).toEqual({ ok: false, reason: "too_common" });
    }
  });

  it("sets no composition rules: a long lowercase passphrase is fine", () => {
    expect(checkNewPassword("correct horse battery staple")).toEqual({ ok: true });
    expect(checkNewPassword("ljus över malmvik i maj")).toEqual({ ok: true });
  });

  it("accepts the demo password", () => {
    expect(checkNewPassword(DEMO_PASSWORD)).toEqual({ ok: true });
  });
});
