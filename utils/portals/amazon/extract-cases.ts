import type { OrderItem, PageContextInput } from '../../schemas';
import { compact, safely } from '../dom';
import { LABELS } from './labels';
import { readBuyerThread } from './extract-thread';
import { type AmazonPageReader, readItemRow } from './read';
import { readAddressBlock, readShipToByLabel, stripLabel } from './extract-order';
import { CHARGEBACK, CLAIM, MESSAGE, REFUND, RETURN } from './selectors';

type CaseFields = Omit<PageContextInput, 'portal' | 'pageKind' | 'url' | 'recognition' | 'marketplace'>;

/**
 * The case pages. Their hooks were designed, not seen on the real pages, so every field is expected at
 * the label tier: reading one by hook is fine, reading it by label is normal, and only a field that
 * falls to structure or the URL is reported.
 */
const LABEL_LEVEL = { expected: 'label' } as const;
const REQUIRED = { required: true, expected: 'label' } as const;

/** An open buyer thread or the contact-buyer form ("Send message to {name}"). */
export function readMessage(reader: AmazonPageReader): CaseFields {
  const { log, url } = reader;
  const isContactForm = url.pathname.includes('/messaging/contact');
  const orderId = reader.orderId(MESSAGE.orderId, REQUIRED);
  const buyerName = log.read(
    'buyer.name',
    {
      // The contact form's header was seen on the real page; the thread's name hook was designed.
      hook: () => nameOnly(stripLabel(reader.hook(MESSAGE.contactHeader), LABELS.sendMessageTo)) ?? reader.hook(MESSAGE.buyerName),
      label: () => reader.label(LABELS.buyerName) ?? nameOnly(reader.afterPhrase(LABELS.sendMessageTo)),
      structure: () => safely(() => readBuyerThread(reader).senderName),
    },
    REQUIRED,
  );
  const thread = isContactForm ? undefined : safely(() => readBuyerThread(reader, buyerName));
  if (thread?.lastBuyerMessage?.body) log.found('message.body', thread.tier, 'label');
  // A thread is read when the time of the buyer's message to answer is known (the clock starts there).
  if (!isContactForm && !thread?.firstUnanswered?.at && !thread?.lastBuyerMessage) log.miss('message');
  const unanswered = thread?.firstUnanswered;
  const message = compact({
    threadId: url.searchParams.get('cc') ?? thread?.threadId,
    subject: reader.field('message.subject', MESSAGE.subject, LABELS.subject, LABEL_LEVEL),
    body: thread?.lastBuyerMessage?.body,
    receivedAt: thread?.lastBuyerMessage?.at,
    from: thread?.lastBuyerMessage?.body ? 'buyer' : undefined,
  });
  if (unanswered?.at) log.found('clockStart', thread!.tier, 'label');
  return {
    orderId,
    buyer: compact({ name: buyerName }),
    shipTo: safely(() => readThreadShipTo(reader)),
    message,
    ...(unanswered?.at ? { clockStart: { at: unanswered.at, source: 'buyer-message' as const } } : {}),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** "Nachricht an Jonas Weber senden": the verb that closes the phrase in some languages is not the name. */
function nameOnly(text: string | undefined): string | undefined {
  return text?.replace(/\s+(senden|schicken|verzenden|sturen|envoyer|inviare|enviar|wysłać|skicka)$/i, '').trim() || undefined;
}

function readThreadShipTo(reader: AmazonPageReader) {
  return readAddressBlock(reader.first(MESSAGE.shipTo));
}

/** An A-to-z claim: the claim in focus (expanded row, open detail) or the claim page itself. */
export function readClaim(reader: AmazonPageReader): CaseFields {
  const { log } = reader;
  const filedAt = reader.instantField('claim.filedAt', CLAIM.filedAt, LABELS.claimFiled, REQUIRED);
  const infoRequested = reader.instantField('claim.informationRequested', [], LABELS.informationRequested, LABEL_LEVEL);
  const claim = compact({
    // Claim lists show no claim id (the order identifies the claim); the reason may be a column header.
    id: log.read(
      'claim.id',
      { hook: () => reader.hook(CLAIM.id), label: () => reader.label(LABELS.claimId), url: () => reader.url.searchParams.get('claimId') ?? undefined },
      LABEL_LEVEL,
    ),
    amount: reader.moneyField('claim.amount', CLAIM.amount, LABELS.amount, LABEL_LEVEL),
    reason: reader.field('claim.reason', CLAIM.reason, LABELS.reason, LABEL_LEVEL),
    filedAt,
    stage: reader.field('claim.stage', CLAIM.stage, ['Stage', 'Étape', 'Phase', 'Fase', 'Etapa', '段階', 'Etap', 'Steg'], LABEL_LEVEL),
    status: reader.field('claim.status', CLAIM.status, LABELS.status, LABEL_LEVEL),
  });
  // The response clock runs from Amazon's information request when the page shows one, else from the claim.
  const clockStart = infoRequested
    ? { at: infoRequested, source: 'information-request' as const }
    : filedAt
      ? { at: filedAt, source: 'claim' as const }
      : undefined;
  if (clockStart) log.found('clockStart', log.tiers[infoRequested ? 'claim.informationRequested' : 'claim.filedAt'] ?? 'label', 'label');
  return {
    orderId: reader.orderId(CLAIM.orderId, REQUIRED),
    buyer: compact({ name: reader.field('buyer.name', CLAIM.buyerName, LABELS.buyerName, LABEL_LEVEL) }),
    claim,
    ...(clockStart ? { clockStart } : {}),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** Chargebacks show no buyer, and the reason code is not on the page (the dispute asks the agent). */
export function readChargeback(reader: AmazonPageReader): CaseFields {
  const { log } = reader;
  const idFromHash = /chargebackId=([^&]+)/.exec(reader.url.hash)?.[1];
  const notifiedAt = reader.instantField('chargeback.notifiedAt', CHARGEBACK.notifiedAt, LABELS.notifiedAt, LABEL_LEVEL);
  const respondBy = reader.instantField('chargeback.respondBy', CHARGEBACK.respondBy, LABELS.respondBy, { ...LABEL_LEVEL, dateOnly: 'end' });
  const chargeback = compact({
    id: log.read(
      'chargeback.id',
      {
        hook: () => reader.hook(CHARGEBACK.id),
        label: () => reader.label(LABELS.chargebackId),
        url: () => (idFromHash ? safely(() => decodeURIComponent(idFromHash)) : undefined),
      },
      LABEL_LEVEL,
    ),
    amount: reader.moneyField('chargeback.amount', CHARGEBACK.amount, LABELS.amount, LABEL_LEVEL),
    reason: reader.field('chargeback.reason', CHARGEBACK.reason, LABELS.reason, LABEL_LEVEL),
    notifiedAt,
    respondBy,
    status: reader.field('chargeback.status', CHARGEBACK.status, LABELS.status, LABEL_LEVEL),
  });
  if (!notifiedAt && !respondBy) log.miss('chargeback.notifiedAt');
  const clockStart = notifiedAt
    ? { at: notifiedAt, ...(respondBy ? { endsAt: respondBy } : {}), source: 'notice' as const }
    : respondBy
      ? { endsAt: respondBy, source: 'respond-by' as const }
      : undefined;
  if (clockStart) log.found('clockStart', log.tiers[notifiedAt ? 'chargeback.notifiedAt' : 'chargeback.respondBy'] ?? 'label', 'label');
  return {
    orderId: reader.orderId(CHARGEBACK.orderId, REQUIRED),
    buyer: compact({ name: reader.field('buyer.name', [], LABELS.buyerName, LABEL_LEVEL) }),
    chargeback,
    ...(clockStart ? { clockStart } : {}),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** The return request in focus (a row of the returns list, or the order-filtered card). */
export function readReturn(reader: AmazonPageReader): CaseFields {
  const { log } = reader;
  const requestedAt = reader.instantField('return.requestedAt', RETURN.requestedAt, LABELS.returnRequested, REQUIRED);
  const receivedAt = reader.instantField('return.receivedAt', [], LABELS.returnReceived, LABEL_LEVEL);
  const returnInfo = compact({
    id: reader.field('return.id', RETURN.id, LABELS.returnId, LABEL_LEVEL),
    reason: reader.field('return.reason', RETURN.reason, LABELS.reason, REQUIRED),
    requestedAt,
    receivedAt,
    status: reader.field('return.status', RETURN.status, LABELS.status, LABEL_LEVEL),
    amount: reader.moneyField('return.amount', RETURN.amount, LABELS.amount, LABEL_LEVEL),
  });
  const items = reader
    .all(`${RETURN.itemRows}, tr, kat-table-row`)
    .map((row) => safely(() => readItemRow(reader, row, {})))
    .filter((item): item is OrderItem => item !== undefined);
  const clockStart = receivedAt
    ? { at: receivedAt, source: 'return-received' as const }
    : requestedAt
      ? { at: requestedAt, source: 'return-request' as const }
      : undefined;
  if (clockStart) log.found('clockStart', log.tiers[receivedAt ? 'return.receivedAt' : 'return.requestedAt'] ?? 'label', 'label');
  return {
    orderId: reader.orderId(RETURN.orderId, REQUIRED),
    buyer: compact({ name: reader.field('buyer.name', RETURN.buyerName, LABELS.buyerName, REQUIRED) }),
    items: dedupeItems(items),
    return: returnInfo,
    ...(clockStart ? { clockStart } : {}),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

const dedupeItems = (items: OrderItem[]) => items.filter((item, i) => items.findIndex((o) => o.asin === item.asin && o.sku === item.sku) === i);

/** The legacy refund form: label/value rows and one row per refundable item. */
export function readRefund(reader: AmazonPageReader): CaseFields {
  const { log } = reader;
  // The form posts the order id in a hidden field: structure, after the visible label.
  const hiddenOrderId = () => {
    const value = (reader.first([REFUND.orderIdInput]) as HTMLInputElement | undefined)?.value;
    return value && /^[\w-]{5,40}$/.test(value) ? value : undefined;
  };
  const items =
    log.read(
      'items',
      {
        hook: () =>
          reader
            .all(REFUND.itemRows)
            .map((row) => safely(() => readItemRow(reader, row, {})))
            .filter((i): i is OrderItem => i !== undefined),
        structure: () =>
          reader
            .all('tr')
            .map((row) => safely(() => readItemRow(reader, row, {})))
            .filter((i): i is OrderItem => i !== undefined),
      },
      LABEL_LEVEL,
    ) ?? [];
  const orderId = reader.orderId([], { ...REQUIRED, structure: hiddenOrderId });
  const total = reader.moneyField('totals.total', [], LABELS.total, LABEL_LEVEL);
  return {
    orderId,
    buyer: compact({ name: reader.field('buyer.name', [], LABELS.buyerName, REQUIRED) }),
    shipTo: log.read('shipTo', { label: () => readShipToByLabel(reader) }, LABEL_LEVEL),
    items,
    totals: compact({ total }),
    purchasedAt: reader.instantField('purchasedAt', [], LABELS.purchaseDate, LABEL_LEVEL),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}
