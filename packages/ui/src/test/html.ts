// Small helpers for asserting on server-rendered markup without a DOM.

/** Every <button> element whose markup contains `text`, as raw HTML. */
export function buttonsContaining(html: string, text: string): string[] {
  return [...html.matchAll(/<button\b[^>]*>[\s\S]*?<\/button>/g)]
    .map((m) => m[0])
    .filter((b) => b.includes(text));
}

/** The single <button> containing `text`; throws if there is not exactly one. */
export function buttonContaining(html: string, text: string): string {
  const found = buttonsContaining(html, text);
  if (found.length !== 1)
    throw new Error(`expected one button with "${text}", found ${found.length}`);
  return found[0]!;
}

export function isDisabled(buttonHtml: string): boolean {
  const openingTag = buttonHtml.slice(0, buttonHtml.indexOf(">") + 1);
  return /\sdisabled(=""|\s|>)/.test(openingTag);
}

export function count(html: string, pattern: RegExp): number {
  return [
    ...html.matchAll(
      new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
    ),
  ].length;
}
