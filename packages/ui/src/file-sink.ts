/**
 * Where a file the browser receives in pieces goes: straight to a file the user picks, where
 * the browser can write one (the File System Access API's save picker, in Chromium), so that
 * nothing but the piece arriving is held in memory; else into a Blob handed to the browser's
 * downloads at the end (`downloadFile`), as every browser can.
 */
import { downloadFile } from "./csv";

export interface FileSink {
  /** Whether the pieces go to the picked file as they come (else they wait in memory). */
  readonly streaming: boolean;
  write(piece: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The file is whole: saved (or handed to the downloads). */
  close(): Promise<void>;
  /** The file is not wanted: what was written of it is thrown away. */
  abort(): Promise<void>;
}

/** What this module needs of the File System Access API, which TypeScript's DOM lib lacks. */
interface SaveFilePicker {
  (options: {
    suggestedName: string;
    types: Array<{ description: string; accept: Record<string, string[]> }>;
  }): Promise<{
    createWritable(): Promise<{
      write(data: Uint8Array<ArrayBuffer>): Promise<void>;
      close(): Promise<void>;
      abort(): Promise<void>;
    }>;
  }>;
}

/**
 * A sink for a file of this name and type. Call it from the click that asks for the file: the
 * browser shows its save picker only then. Null when the user closes the picker without a
 * place: they did not want the file after all.
 */
export async function openFileSink(
  fileName: string,
  type: { mime: string; extension: string; description: string },
): Promise<FileSink | null> {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (typeof picker === "function") {
    try {
      const handle = await picker({
        suggestedName: fileName,
        types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }],
      });
      const file = await handle.createWritable();
      return {
        streaming: true,
        write: (piece) => file.write(piece),
        close: () => file.close(),
        abort: () => file.abort(),
      };
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return null;
      // Refused otherwise (a frame or a policy that forbids it): the downloads still can.
    }
  }
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  return {
    streaming: false,
    write: async (piece) => void pieces.push(piece),
    close: async () => downloadFile(fileName, new Blob(pieces, { type: type.mime }), type.mime),
    abort: async () => void pieces.splice(0),
  };
}
