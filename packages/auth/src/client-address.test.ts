import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const HEADER = "x-truce-client-address-0123456789abcdef01234567";

describe("clientAddress", () => {
  it("never believes X-Forwarded-For or X-Real-IP, which a client writes itself", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" });
    expect(clientAddress(forged, HEADER)).toBeNull();
    expect(clientAddress(forged, undefined)).toBeNull();
  });

  it("reads the address the apps' server passed on under its own header", () => {
    expect(clientAddress(new Headers({ [HEADER]: "198.51.100.7" }), HEADER)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ [HEADER]: "2001:db8::1" }), HEADER)).toBe("2001:db8::1");
  });

  it("knows no address when not served through that server", () => {
    expect(clientAddress(new Headers({ [HEADER]: "198.51.100.7" }), undefined)).toBeNull();
  });

  it("takes nothing but an IP address from the header", () => {
    expect(clientAddress(new Headers({ [HEADER]: "evil.example" }), HEADER)).toBeNull();
    expect(clientAddress(new Headers({ [HEADER]: "1.2.3.4, 5.6.7.8" }), HEADER)).toBeNull();
  });
});
