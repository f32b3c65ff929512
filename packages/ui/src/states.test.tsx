import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { EmptyState, ErrorState, LoadingState, PageHeader } from "./states";
import { buttonsContaining } from "./test/html";

describe("states", () => {
  it("ErrorState is an alert and shows a retry button only with a handler and a label", () => {
    const withRetry = renderToStaticMarkup(
      <ErrorState title="Kunde inte hämta ärenden" onRetry={() => {}} retryLabel="Försök igen" />,
    );
    expect(withRetry).toMatch(/^<div[^>]*role="alert"/);
    expect(withRetry).toContain("Kunde inte hämta ärenden");
    expect(buttonsContaining(withRetry, "Försök igen")).toHaveLength(1);

    const withoutRetry = renderToStaticMarkup(<ErrorState title="Kunde inte hämta ärenden" />);
    expect(withoutRetry).not.toContain("<button");
  });

  it("LoadingState announces its label as a status", () => {
    const html = renderToStaticMarkup(<LoadingState label="Laddar ärenden…" />);
    expect(html).toMatch(/^<div[^>]*role="status"/);
    expect(html).toContain("Laddar ärenden…");
  });

  it("EmptyState renders its title as a heading with description and action", () => {
    const html = renderToStaticMarkup(
      <EmptyState
        title="Inga ärenden"
        description="Här visas dina ärenden."
        action={<a href="/new">Nytt</a>}
      />,
    );
    expect(html).toMatch(/<h2[^>]*>Inga ärenden<\/h2>/);
    expect(html).toContain("Här visas dina ärenden.");
    expect(html).toContain('<a href="/new">Nytt</a>');
  });

  it("PageHeader makes the title the page's h1", () => {
    const html = renderToStaticMarkup(
      <PageHeader title="Personer" actions={<button>Ny</button>} />,
    );
    expect(html).toMatch(/<h1[^>]*>Personer<\/h1>/);
    expect(html).toContain("<button>Ny</button>");
  });
});
