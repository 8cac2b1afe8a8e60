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
    await readServerSentEvents(streamOf([': heartbeat\n\n', 'data: {"a":', '1}\n\nevent: x\ndata: line1\ndata: line2\r\n\r\n', 'data: tail']), (e) =>
      seen.push(e.data),
    );
    expect(seen).toEqual(['{"a":1}', 'line1\nline2']);
  });

  it('reads the id and event name of each event and the server retry interval', async () => {
    const seen: Array<{ data: string; id?: string; event?: string }> = [];
    const retries: number[] = [];
    await readServerSentEvents(
      streamOf(['retry: 5000\n: connected\n\n', 'event: case-event\nid: 42\ndata: {"x":1}\n\n']),
      (e) => seen.push(e),
      (ms) => retries.push(ms),
    );
    expect(retries).toEqual([5000]);
    expect(seen).toEqual([{ data: '{"x":1}', id: '42', event: 'case-event' }]);
  });
});
