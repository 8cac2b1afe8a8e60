import type { DefencePdfOptions } from '../../utils/disputes/pdf';
import type { Defence } from '../../utils/schemas/disputes';
import { HttpError } from '../errors';
import { startWorker, workerEntry } from './worker-thread';

/** More text than any real defence (about 100 pages); beyond it the PDF is refused rather than built. */
export const MAX_PDF_CHARACTERS = 300_000;
/** A PDF that takes longer than this is abandoned (the worker is stopped) and the caller told so. */
export const PDF_DEADLINE_MS = 20_000;

const ENTRY = workerEntry(import.meta.url, 'pdf-worker-entry');

/**
 * Renders the defence PDF on a worker thread, so a long document never holds up other requests: the
 * event loop only waits for the finished bytes. Refuses oversized input and enforces a deadline.
 */
export async function renderDefencePdfOffThread(
  defence: Pick<Defence, 'title' | 'sections'>,
  opts: DefencePdfOptions = {},
  limits: { maxCharacters?: number; deadlineMs?: number } = {},
): Promise<Uint8Array> {
  const maxCharacters = limits.maxCharacters ?? MAX_PDF_CHARACTERS;
  const size = defence.title.length + defence.sections.reduce((n, s) => n + s.title.length + s.body.length, 0);
  if (size > maxCharacters) {
    throw new HttpError(
      'validation_failed',
      `The defence has ${size} characters, more than a PDF may hold (${maxCharacters}); shorten its notes or copy the text instead.`,
      'defence',
    );
  }
  const worker = startWorker(ENTRY, {
    workerData: {
      defence: { title: defence.title, sections: defence.sections.map((s) => ({ title: s.title, body: s.body })) },
      opts: { ...opts, generatedAt: opts.generatedAt?.toISOString() },
    },
  });
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new HttpError(
              'unavailable',
              `The PDF took longer than ${Math.round((limits.deadlineMs ?? PDF_DEADLINE_MS) / 1000)} s and was abandoned; try again later.`,
            ),
          ),
        limits.deadlineMs ?? PDF_DEADLINE_MS,
      );
      worker.once('message', (msg: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => {
        clearTimeout(timer);
        if (msg.ok) resolve(new Uint8Array(msg.bytes));
        else reject(new Error(`PDF rendering failed: ${msg.message}`));
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PDF worker exited with code ${code}`));
      });
    });
  } finally {
    void worker.terminate();
  }
}
