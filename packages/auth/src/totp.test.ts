import { describe, expect, it } from "vitest";
import { DEMO_TOTP_SECRET } from "@truce/db/seed";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
  recoveryCodeMatches,
} from "./recovery-codes";
import { matchTotpStep, newTotpSecret, totpCode, totpQrDataUrl, totpStep, totpUri } from "./totp";

const at = new Date("2026-03-02T09:00:10Z");

describe("TOTP codes", () => {
  it("matches the RFC 6238 test vector (SHA-1, 59 s, 8 digits → last 6 digits 287082)", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s gives 94287082.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(rfcSecret, new Date(59_000))).toBe("287082");
  });

  it("accepts the current code and one step either side, and says which step it was", () => {
    const secret = newTotpSecret();
    const step = totpStep(at);
    expect(matchTotpStep(secret, totpCode(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(
      step - 1,
    );
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(
      step + 1,
    );
  });

  it("refuses a code two steps old, a code of another secret, and anything not 6 digits", () => {
    const secret = newTotpSecret();
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchTotpStep(secret, totpCode(newTotpSecret(), at), at)).toBeNull();
    expect(matchTotpStep(secret, "12345", at)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", at)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI naming Truce and the account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, "someone@truce.example")).toBe(
      `otpauth://totp/Truce:someone%40truce.example?issuer=Truce&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it("draws the QR code as an SVG data URL on the server", async () => {
    const url = await totpQrDataUrl(totpUri(DEMO_TOTP_SECRET, "exit.manager@truce.example"));
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(url.split(",")[1]!, "base64").toString()).toContain("<svg");
  });
});

describe("recovery codes", () => {
  it("are 12 unambiguous characters in three groups, different every time", () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes)
      expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){2}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it("are stored salted and hashed, and match however they are typed", () => {
    const code = newRecoveryCode();
    const stored = hashRecoveryCode(code);
    expect(stored).not.toContain(code);
    expect(hashRecoveryCode(code)).not.toBe(stored);
    expect(recoveryCodeMatches(stored, code)).toBe(true);
    expect(recoveryCodeMatches(stored, ` ${code.toUpperCase().replace(/-/g, " ")} `)).toBe(true);
    expect(recoveryCodeMatches(stored, newRecoveryCode())).toBe(false);
    expect(recoveryCodeMatches("garbage", code)).toBe(false);
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
