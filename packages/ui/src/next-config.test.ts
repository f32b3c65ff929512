import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { createNextConfig, localDevOrigins } from "./next-config";

describe("the development server's allowed origins", () => {
  it("let `npm run dev` be opened by 127.0.0.1, ::1 and each of this machine's addresses", () => {
    const allowed = localDevOrigins();
    expect(allowed).toEqual(expect.arrayContaining(["127.0.0.1", "[::1]"]));
    for (const entry of Object.values(networkInterfaces()).flat()) {
      if (!entry) continue;
      const host = entry.family === "IPv6" ? `[${entry.address}]` : entry.address;
      expect(allowed).toContain(host);
    }
  });

  it("are what both apps' Next.js configuration uses", () => {
    expect(createNextConfig().allowedDevOrigins).toEqual(localDevOrigins());
  });
});
