/** A part of a hand-built multipart body: a text field, or a file with its content. */
export type MultipartPart =
  | { name: string; value: string }
  | { name: string; fileName: string; content: string | Uint8Array };

const BOUNDARY = 'chainlead-test-boundary';
const encoder = new TextEncoder();

/**
 * A multipart/form-data body sent in chunks with no Content-Length, as a client streaming a file
 * sends it. `paddingBytes` adds a last file part named "padding" of that many bytes, produced as it
 * is read (to go past a size limit without holding it); `fileTailBytes` likewise lengthens the last
 * part's content; `cutShort` leaves out the closing boundary.
 */
export function chunkedMultipart(
  parts: MultipartPart[],
  options: { paddingBytes?: number; fileTailBytes?: number; cutShort?: boolean } = {},
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const head = (name: string, fileName?: string) =>
    encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"` +
        (fileName === undefined ? '' : `; filename="${fileName}"`) +
        `\r\n${fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`,
    );
  const block = new Uint8Array(1024 * 1024).fill(0x78);
  function* filler(bytes: number): Generator<Uint8Array> {
    for (let left = bytes; left > 0; left -= block.length)
      yield left >= block.length ? block : block.subarray(0, left);
  }
  function* chunks(): Generator<Uint8Array> {
    for (const [index, part] of parts.entries()) {
      if ('value' in part) {
        yield head(part.name);
        yield encoder.encode(part.value);
      } else {
        yield head(part.name, part.fileName);
        const content =
          typeof part.content === 'string' ? encoder.encode(part.content) : part.content;
        for (let at = 0; at < content.length; at += 16 * 1024)
          yield content.subarray(at, at + 16 * 1024);
        if (index === parts.length - 1) yield* filler(options.fileTailBytes ?? 0);
      }
      yield encoder.encode('\r\n');
    }
    if (options.paddingBytes !== undefined) {
      yield head('padding', 'padding.bin');
      yield* filler(options.paddingBytes);
      yield encoder.encode('\r\n');
    }
    if (!options.cutShort) yield encoder.encode(`--${BOUNDARY}--\r\n`);
  }
  const iterator = chunks();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      iterator.return(undefined);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}
