import type { ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";
import { createServerReference } from "next/dist/compiled/react-server-dom-webpack/client.node";

// React renders a form as a plain POST, one that works before any script has run, only when
// its action is a server action: a reference to a function on the server, which is what
// Next.js hands a client component for a "use server" function. These make such a reference
// without a server, so a test sees the markup the browser gets.

/** A server action as a client component receives it; the tests never call it. */
export function serverAction<T>(id: string): T {
  return createServerReference<T>(id, () => {
    throw new Error(`the server action ${id} is not called in these tests`);
  });
}

/**
 * The server-rendered HTML of `node`, once everything is ready (a form's server action
 * is encoded asynchronously, which renderToStaticMarkup cannot wait for).
 */
export async function renderHtml(node: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(node);
  await stream.allReady;
  return new Response(stream).text();
}

/** Every <form …> opening tag in the markup. */
export function formTags(html: string): string[] {
  return [...html.matchAll(/<form\b[^>]*>/g)].map((m) => m[0]);
}
