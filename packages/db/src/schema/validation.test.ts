import { describe, expect, it } from "vitest";
import { individualInsertSchema, noteInsertSchema } from "./validation";

const registration = {
  givenName: "Ali",
  familyName: "Nur",
  district: "Tallbo",
  registeringAgencyId: "00000000-0000-4000-8000-000000000001",
  registrationReason: "Suspected in a shooting linked to a group conflict.",
  category: "group_member",
  reviewDue: "2027-05-01",
};

describe("insert schemas derived from the tables", () => {
  it("accept a registration and leave the server's columns out", () => {
    const parsed = individualInsertSchema.parse({ ...registration, version: 7, id: "x" });
    expect(parsed).not.toHaveProperty("version");
    expect(parsed).not.toHaveProperty("id");
  });

  it("refuse a registration without a reason", () => {
    const result = individualInsertSchema.safeParse({ ...registration, registrationReason: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Say why the person is registered.");
  });

  it("refuse a note whose kind is not fact or assessment", () => {
    const note = {
      body: "Seen at the scene.",
      kind: "rumour",
      authorAgencyId: registration.registeringAgencyId,
    };
    expect(noteInsertSchema.safeParse(note).success).toBe(false);
  });
});
