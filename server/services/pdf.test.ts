import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { renderDefencePdfOffThread } from './pdf';

const defence = (body: string) => ({ title: 'Response to dispute', sections: [{ title: 'Facts', body }] });

describe('defence PDF on a worker thread', () => {
  it('renders the PDF off the main thread while the event loop stays free', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const bytes = await renderDefencePdfOffThread(defence(`${'word '.repeat(20_000)}${'W'.repeat(4000)}`));
    clearInterval(ticker);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(ticks).toBeGreaterThan(3);
  }, 120_000);

  it('refuses a defence over the size limit with a 400 naming it', async () => {
    const err = await renderDefencePdfOffThread(defence('x'.repeat(1001)), {}, { maxCharacters: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).statusCode).toBe(400);
    expect((err as HttpError).message).toContain('1000');
  });

  it('abandons a PDF past its deadline with a 503', async () => {
    const err = await renderDefencePdfOffThread(defence('word '.repeat(50_000)), {}, { deadlineMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).statusCode).toBe(503);
  }, 60_000);
});
