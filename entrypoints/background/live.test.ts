import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './live';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(enc.encode(chunk));
      c.close();
    },
  });
}

describe('readServerSentEvents', () => {
  it('joins data lines, skips comments and handles events split across chunks', async () => {
    const seen: string[] = [];
    await readServerSentEvents(streamOf([': heartbeat\n\n', 'data: {"a":', '1}\n\nevent: x\ndata: line1\ndata: line2\r\n\r\n', 'data: tail']), (d) => seen.push(d));
    expect(seen).toEqual(['{"a":1}', 'line1\nline2']);
  });
});
