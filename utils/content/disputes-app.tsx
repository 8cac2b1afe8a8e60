import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { DisputeSection, type DefenceDownload, type DefenceText } from '@/components/disputes/DisputeSection';
import type { EvidenceInput } from '@/components/disputes/EvidenceRow';
import type { ProcessorLoaders } from '@/components/disputes/ProcessorParts';
import type { AttachmentContentType, DisputeView } from '@/utils/api-routes/disputes';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '@/utils/disputes/attachments';
import { browserTranslate } from '@/utils/i18n-browser';
import { sendRequest } from '@/utils/messaging-send';
import type { PageContext } from '@/utils/schemas/page';
import type { DisputeStatus } from '@/utils/schemas/disputes';

/** Long enough for the browser to start saving the file after the click. */
const DOWNLOAD_URL_LIFETIME_MS = 3_000;

const BY_EXTENSION: Record<string, AttachmentContentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  txt: 'text/plain',
};

function contentTypeOf(file: File): AttachmentContentType | undefined {
  if ((ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return file.type as AttachmentContentType;
  return BY_EXTENSION[/\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''];
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The processors' formats, loaded through the worker (the token never reaches this script). */
const PROCESSOR_LOADERS: ProcessorLoaders = {
  loadStripeEvidence: async (disputeId) => {
    const res = await sendRequest({ type: 'dispute:stripeEvidence', disputeId });
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  },
  loadAdyenDefence: async (disputeId) => {
    const res = await sendRequest({ type: 'dispute:adyenDefence', disputeId });
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  },
  submit: async (disputeId, body) => {
    const res = await sendRequest({ type: 'dispute:submit', disputeId, body });
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  },
};

/**
 * Connects the pure DisputeSection to the worker: loads the page's dispute, saves evidence and files,
 * and turns the defence PDF's bytes into a Blob URL download. The token never reaches this script.
 */
export interface DisputeSlotProps {
  context: PageContext;
  canWrite: boolean;
  formatTime: (iso: string) => string;
}

export function DisputeSlot({ context, canWrite, formatTime }: DisputeSlotProps) {
  const [view, setView] = useState<DisputeView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<DefenceDownload>({ state: 'idle' });
  const [text, setText] = useState<DefenceText>({ state: 'idle' });
  const objectUrl = useRef<string | null>(null);
  const defenceBlob = useRef<Blob | null>(null);
  const revokeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const contextKey = JSON.stringify(context);

  const accept = useCallback((res: Awaited<ReturnType<typeof sendRequest<{ type: 'dispute:load'; context: PageContext }>>>) => {
    if (res.ok) {
      setView(res.data);
      setReceivedAt(Date.now());
      setError(null);
      return true;
    }
    setError(res.error.message);
    return false;
  }, []);

  // Loads again when the page's context changes in content, not when the same context is a new object.
  const requestDispute = useEffectEvent(() => sendRequest({ type: 'dispute:load', context }));
  useEffect(() => {
    let current = true;
    setLoading(true);
    void requestDispute().then((res) => {
      if (!current) return;
      setLoading(false);
      accept(res);
    });
    return () => {
      current = false;
    };
  }, [contextKey, accept]);

  const revokeNow = useCallback(() => {
    clearTimeout(revokeTimer.current);
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = null;
  }, []);

  useEffect(() => revokeNow, [revokeNow]);

  /**
   * Called as the download link is followed: the link gets a live blob: URL (a fresh one for a second
   * copy), revoked moments later, once the browser has started saving it. A blob: URL lives as long as
   * the page otherwise, and the portal's own scripts could read the defence from it.
   */
  const onDownloadLink = useCallback(
    (link: HTMLAnchorElement) => {
      if (!defenceBlob.current) return;
      if (!objectUrl.current) {
        objectUrl.current = URL.createObjectURL(defenceBlob.current);
        link.href = objectUrl.current;
      }
      clearTimeout(revokeTimer.current);
      revokeTimer.current = setTimeout(revokeNow, DOWNLOAD_URL_LIFETIME_MS);
    },
    [revokeNow],
  );

  const onSaveEvidence = useCallback(
    async (key: string, input: EvidenceInput) => (view ? accept(await sendRequest({ type: 'dispute:evidence', disputeId: view.id, key, ...input })) : false),
    [view, accept],
  );

  const onAttach = useCallback(
    async (key: string, file: File) => {
      if (!view) return false;
      const contentType = contentTypeOf(file);
      if (!contentType) {
        setError(browserTranslate('disputeFileType'));
        return false;
      }
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setError(browserTranslate('disputeFileTooBig', String(MAX_ATTACHMENT_BYTES / 1024 / 1024)));
        return false;
      }
      const base64 = await fileToBase64(file);
      return accept(await sendRequest({ type: 'dispute:attach', disputeId: view.id, key, filename: file.name.slice(0, 200), contentType, base64 }));
    },
    [view, accept],
  );

  const onSetStatus = useCallback(
    async (status: DisputeStatus) => (view ? accept(await sendRequest({ type: 'dispute:status', disputeId: view.id, status })) : false),
    [view, accept],
  );

  const onBuildDefence = useCallback(async () => {
    if (!view) return;
    setDownload({ state: 'busy' });
    const res = await sendRequest({ type: 'dispute:defencePdf', disputeId: view.id });
    if (!res.ok) {
      setError(res.error.message);
      setDownload({ state: 'error' });
      return;
    }
    revokeNow();
    defenceBlob.current = new Blob([base64ToBytes(res.data.base64)], { type: 'application/pdf' });
    objectUrl.current = URL.createObjectURL(defenceBlob.current);
    const filename = `defence-${view.dispute.id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60)}.pdf`;
    setDownload({ state: 'ready', url: objectUrl.current, filename, size: res.data.size });
  }, [view, revokeNow]);

  const onCopyText = useCallback(async () => {
    if (!view) return;
    setText({ state: 'busy' });
    const res = await sendRequest({ type: 'dispute:defenceText', disputeId: view.id });
    if (!res.ok) {
      setError(res.error.message);
      setText({ state: 'error' });
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(res.data.text);
      copied = true;
    } catch {
      // The portal's permissions policy may forbid the clipboard: the text is shown to copy by hand.
    }
    setText({ state: 'ready', text: res.data.text, copied, truncated: res.data.truncated, warnings: res.data.warnings });
  }, [view]);

  return (
    <DisputeSection
      view={view}
      receivedAt={receivedAt}
      loading={loading}
      error={error}
      canWrite={canWrite}
      formatTime={formatTime}
      onSaveEvidence={onSaveEvidence}
      onAttach={onAttach}
      onSetStatus={onSetStatus}
      onBuildDefence={() => void onBuildDefence()}
      onDownloadLink={onDownloadLink}
      download={download}
      onCopyText={() => void onCopyText()}
      text={text}
      processorLoaders={PROCESSOR_LOADERS}
    />
  );
}
