import { afterEach, describe, expect, it } from "vitest";
import { openFileSink } from "./file-sink";

const ZIP = { mime: "application/zip", extension: ".zip", description: "Zip archive" };

/** A save picker as Chromium's behaves, recording what the page asked and wrote. */
function picker(answer: "pick" | "close" | "refuse") {
  const seen = { asked: [] as unknown[], written: [] as number[], closed: false, aborted: false };
  Object.assign(globalThis, {
    showSaveFilePicker: async (options: unknown) => {
      seen.asked.push(options);
      if (answer === "close") throw new DOMException("The user aborted a request.", "AbortError");
      if (answer === "refuse") throw new DOMException("Not allowed in a frame.", "SecurityError");
      return {
        createWritable: async () => ({
          write: async (piece: Uint8Array) => void seen.written.push(...piece),
          close: async () => void (seen.closed = true),
          abort: async () => void (seen.aborted = true),
        }),
      };
    },
  });
  return seen;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "showSaveFilePicker");
});

describe("openFileSink", () => {
  it("writes each piece to the file the user picked, as it comes, and closes it", async () => {
    const seen = picker("pick");
    const sink = await openFileSink("extract.zip", ZIP);
    expect(sink?.streaming).toBe(true);
    expect(seen.asked).toEqual([
      {
        suggestedName: "extract.zip",
        types: [{ description: "Zip archive", accept: { "application/zip": [".zip"] } }],
      },
    ]);
    await sink!.write(new Uint8Array([1, 2]));
    expect(seen.written).toEqual([1, 2]);
    await sink!.write(new Uint8Array([3]));
    await sink!.close();
    expect(seen).toMatchObject({ written: [1, 2, 3], closed: true, aborted: false });
  });

  it("throws the picked file away when the download is abandoned", async () => {
    const seen = picker("pick");
    const sink = await openFileSink("extract.zip", ZIP);
    await sink!.write(new Uint8Array([1]));
    await sink!.abort();
    expect(seen).toMatchObject({ closed: false, aborted: true });
  });

  it("gives nothing when the user closes the picker without a place", async () => {
    picker("close");
    expect(await openFileSink("extract.zip", ZIP)).toBeNull();
  });

  it("keeps the pieces for the downloads where the picker is refused or missing", async () => {
    picker("refuse");
    expect((await openFileSink("extract.zip", ZIP))?.streaming).toBe(false);
    Reflect.deleteProperty(globalThis, "showSaveFilePicker");
    const sink = await openFileSink("extract.zip", ZIP);
    expect(sink?.streaming).toBe(false);
    await expect(sink!.write(new Uint8Array([1]))).resolves.toBeUndefined();
  });
});
