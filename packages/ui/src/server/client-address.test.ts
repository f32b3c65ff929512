import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { compileTrust, newClientAddressHeader, prepareRequest } from "./client-address.mjs";

const HEADER = newClientAddressHeader();

/**
 * A real HTTP server that prepares each request as serve.mjs does and answers with what the
 * app would then see: the address under the private header and the forwarding headers left.
 */
async function serverTrusting(setting: string) {
  const trust = compileTrust(setting);
  const server = createServer((req, res) => {
    const address = prepareRequest(req, trust, HEADER);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ address, headers: req.headers }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return async (headers: Record<string, string>) => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
    return (await res.json()) as { address: string; headers: IncomingHttpHeaders };
  };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe("the client's address with no proxy trusted (the default)", () => {
  it("is the connection's peer, whatever X-Forwarded-For the client sends", async () => {
    const ask = await serverTrusting("");
    for (const forged of ["203.0.113.9", "198.51.100.1, 203.0.113.9", "garbage"]) {
      const seen = await ask({ "x-forwarded-for": forged });
      expect(seen.address).toBe("127.0.0.1");
      expect(seen.headers[HEADER]).toBe("127.0.0.1");
    }
  });

  it("drops the client's forwarding headers, so Next.js fills them in from the connection", async () => {
    const ask = await serverTrusting("");
    const seen = await ask({
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "203.0.113.9",
      forwarded: "for=203.0.113.9;host=evil.example",
    });
    for (const name of [
      "x-forwarded-for",
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-real-ip",
      "forwarded",
    ]) {
      expect(seen.headers[name], name).toBeUndefined();
    }
  });

  it("replaces a client's own copy of the address header", async () => {
    const ask = await serverTrusting("");
    const seen = await ask({ [HEADER]: "203.0.113.9" });
    expect(seen.headers[HEADER]).toBe("127.0.0.1");
  });
});

describe("the client's address behind trusted proxies", () => {
  it("is the first untrusted address from the right of X-Forwarded-For", async () => {
    // The test's own connection comes from loopback: the proxy, as nginx on the same host.
    const ask = await serverTrusting("loopback");
    expect((await ask({ "x-forwarded-for": "203.0.113.9" })).address).toBe("203.0.113.9");
    // What the client wrote itself stays to the left of what the proxy appended.
    expect((await ask({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" })).address).toBe(
      "203.0.113.9",
    );
    // A chain of trusted proxies is walked through to the client.
    const chain = await serverTrusting("loopback, 10.0.0.0/8");
    expect(
      (await chain({ "x-forwarded-for": "198.51.100.1, 203.0.113.9, 10.1.2.3" })).address,
    ).toBe("203.0.113.9");
  });

  it("keeps the proxy's forwarding headers", async () => {
    const ask = await serverTrusting("127.0.0.1");
    const seen = await ask({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
  });

  it("is the peer when the connection does not come from a trusted proxy", async () => {
    const ask = await serverTrusting("10.0.0.0/8");
    expect((await ask({ "x-forwarded-for": "203.0.113.9" })).address).toBe("127.0.0.1");
  });
});

describe("TRUCE_TRUSTED_PROXIES", () => {
  it("refuses a value that names no address, with the setting's name in the message", () => {
    expect(() => compileTrust("not-an-address")).toThrow(/TRUCE_TRUSTED_PROXIES/);
  });

  it("gives every process a header name of its own", () => {
    expect(newClientAddressHeader()).not.toBe(newClientAddressHeader());
    expect(newClientAddressHeader()).toMatch(/^x-truce-client-address-[0-9a-f]{24}$/);
  });
});
