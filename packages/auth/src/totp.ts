import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are accepted, for clocks that drift a little. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Truce";

function totp(secret: string, account = "") {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code an authenticator app shows at `at` (tests and the demo use it). */
export function totpCode(secret: string, at: Date = new Date()): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** The time step of `at` (seconds since 1970 divided by the period). */
export function totpStep(at: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at.getTime() });
}

/**
 * The time step in which `code` is valid, within TOTP_WINDOW steps of `at`, or null. The
 * caller stores the step so the same code (or an older one) is never accepted twice.
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const delta = totp(secret).validate({
    token: code,
    timestamp: at.getTime(),
    window: TOTP_WINDOW,
  });
  return delta === null ? null : totpStep(at) + delta;
}

/**
 * The enrolment QR code as an SVG data URL, made on the server: the secret never goes to a
 * third-party QR service, and the page needs no client-side library.
 */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** A secret shown for typing into an app by hand: groups of four. */
export function formatTotpSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
