/**
 * Which of an archive's files is arriving, told from its bytes as they come: each file of a zip
 * starts with a header that holds its name as it is, so the next name expected appearing in
 * the stream means that file has begun. The names are looked for in order, across the ends of
 * chunks; compressed data holding a whole file name by chance is not a worry worth more code.
 */
export function zipProgress(names: readonly string[]) {
  const encoded = names.map((name) => new TextEncoder().encode(name));
  const keep = Math.max(...encoded.map((name) => name.length)) - 1;
  let tail = new Uint8Array(0);
  let next = 0;
  return {
    /** The index of the file being written after this chunk (-1 before the first). */
    take(chunk: Uint8Array): number {
      const bytes = new Uint8Array(tail.length + chunk.length);
      bytes.set(tail);
      bytes.set(chunk, tail.length);
      let from = 0;
      while (next < encoded.length) {
        const at = indexOf(bytes, encoded[next]!, from);
        if (at < 0) break;
        from = at + encoded[next]!.length;
        next += 1;
      }
      tail = bytes.slice(Math.max(from, bytes.length - keep));
      return next - 1;
    },
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
