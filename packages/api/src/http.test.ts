import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@truce/db";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { appServing } from "./procedure-inputs";
import { appRouters } from "./root";
import { claimsFor } from "./test-actors";
import { createTRPCContext } from "./trpc";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

function call(
  path: string,
  db = demo.db,
  claims: Parameters<typeof createTRPCContext>[0]["claims"] = null,
) {
  const req = new Request(`http://localhost/api/trpc/${path}`);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouters[appServing(path)],
    req,
    createContext: () => createTRPCContext({ db, claims, headers: req.headers }),
  });
}

describe("the tRPC endpoint over HTTP", () => {
  it("answers 401 to an unauthenticated call of a protected procedure", async () => {
    const res = await call("individual.list");
    expect(res.status).toBe(401);
  });

  it("answers 403 to a signed-in user whose role does not allow the procedure", async () => {
    const res = await call(
      "agency.list",
      demo.db,
      await claimsFor(demo.db, "police.staff@truce.example"),
    );
    expect(res.status).toBe(403);
  });

  it("answers a public procedure without a session", async () => {
    const res = await call("health.check");
    expect(res.status).toBe(200);
  });

  it("sends no stack trace, SQL or driver message to the browser on an internal error", async () => {
    const broken = createDb("postgres://nobody@127.0.0.1:9/none");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await call("health.check", broken);
      expect(res.status).toBe(500);
      const body = await res.text();
      // What the person reads is the message key, with the reference that links it to the log.
      expect(body).toContain('"message":"apiErrors.internal"');
      expect(body).toMatch(/"messageParams":\{"reference":"[0-9a-f]{8}/);
      expect(body).not.toMatch(/ECONNREFUSED|select 1|stack|at \w+ \(/i);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await broken.close();
    }
  });
});
