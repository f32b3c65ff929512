import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusToggles, toggledStatuses } from "./status-toggles";

const ALL = ["latent", "active", "escalating", "dormant"] as const;

describe("toggledStatuses", () => {
  it("adds a status in the order of all the statuses, whichever was pressed first", () => {
    expect(toggledStatuses(ALL, ["dormant"], "active")).toEqual(["active", "dormant"]);
    expect(toggledStatuses(ALL, [], "escalating")).toEqual(["escalating"]);
  });

  it("removes a chosen one, and none left is no filter at all", () => {
    expect(toggledStatuses(ALL, ["active", "dormant"], "active")).toEqual(["dormant"]);
    expect(toggledStatuses(ALL, ["active"], "active")).toBeUndefined();
  });
});

describe("StatusToggles", () => {
  const html = renderToStaticMarkup(
    <StatusToggles
      label="Status"
      statuses={ALL}
      chosen={["escalating"]}
      statusLabel={(s) => `label ${s}`}
      onChange={() => {}}
    />,
  );

  it("marks the chosen status pressed and the others not", () => {
    expect(html).toMatch(/aria-pressed="true"[^>]*>label escalating</);
    for (const s of ["latent", "active", "dormant"])
      expect(html).toMatch(new RegExp(`aria-pressed="false"[^>]*>label ${s}<`));
  });

  it("names the group by its visible label", () => {
    const labelId = /<p[^>]*id="([^"]+)"[^>]*>Status<\/p>/.exec(html)?.[1];
    expect(labelId).toBeTruthy();
    expect(html).toContain(`role="group" aria-labelledby="${labelId}"`);
  });
});
