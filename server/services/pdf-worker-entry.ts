import { parentPort, workerData } from 'node:worker_threads';
import { renderDefencePdf, type DefencePdfOptions } from '../../utils/disputes/pdf';
import type { Defence } from '../../utils/schemas/disputes';

/** Runs in a worker thread (services/pdf.ts): renders one defence and posts the bytes back. */
const { defence, opts } = workerData as {
  defence: Pick<Defence, 'title' | 'sections'>;
  opts: Omit<DefencePdfOptions, 'generatedAt'> & { generatedAt?: string };
};
const { generatedAt, ...rest } = opts;
renderDefencePdf(defence, { ...rest, ...(generatedAt ? { generatedAt: new Date(generatedAt) } : {}) }).then(
  (bytes) => parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]),
  (err: unknown) => parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
);
