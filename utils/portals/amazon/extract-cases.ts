import type { OrderItem, PageContextInput } from '../../schemas';
import { compact, queryFirst, safely, textOf, valueByLabel } from '../dom';
import { readAddressBlock } from './extract-order';
import { isAmazonOrderId } from './pages';
import { type AmazonPageReader, readItemRow } from './read';
import { CHARGEBACK, CLAIM, LABELS, MESSAGE, REFUND, RETURN } from './selectors';

type CaseFields = Omit<PageContextInput, 'portal' | 'pageKind' | 'url' | 'recognition' | 'marketplace'>;

/** An open buyer thread or the contact-buyer form. The latest buyer message is the one to answer. */
export function readMessage(reader: AmazonPageReader): CaseFields {
  const { missing, doc, url } = reader;
  const buyerMessages = Array.from(doc.querySelectorAll(MESSAGE.buyerMessages));
  const latest = buyerMessages[buyerMessages.length - 1];
  const isContactForm = url.pathname.includes('/messaging/contact');
  const body = latest ? textOf(latest.querySelector(MESSAGE.messageBody)) : undefined;
  if (!isContactForm) missing.expect('message.body', body);
  const threadId = url.searchParams.get('cc') ?? undefined;
  const message = compact({
    threadId,
    subject: reader.text(MESSAGE.subject),
    body,
    receivedAt: latest ? reader.instant(textOf(latest.querySelector(MESSAGE.messageTime))) : undefined,
    from: body ? 'buyer' : undefined,
  });
  return {
    orderId: missing.expect('orderId', reader.orderId(MESSAGE.orderId)),
    buyer: compact({ name: missing.expect('buyer.name', reader.text(MESSAGE.buyerName, LABELS.buyerName)) }),
    shipTo: safely(() => readAddressBlock(queryFirst(doc, MESSAGE.shipTo))),
    message,
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

export function readClaim(reader: AmazonPageReader): CaseFields {
  const { missing } = reader;
  const claim = compact({
    id: missing.expect('claim.id', reader.text(CLAIM.id) ?? reader.url.searchParams.get('claimId') ?? undefined),
    amount: missing.expect('claim.amount', reader.money(reader.text(CLAIM.amount))),
    reason: missing.expect('claim.reason', reader.text(CLAIM.reason)),
    filedAt: missing.expect('claim.filedAt', reader.instant(reader.text(CLAIM.filedAt))),
    stage: reader.text(CLAIM.stage),
    status: reader.text(CLAIM.status),
  });
  return {
    orderId: missing.expect('orderId', reader.orderId(CLAIM.orderId)),
    buyer: compact({ name: reader.text(CLAIM.buyerName) }),
    claim,
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** Chargebacks show no buyer; the order id and the card network's reason are what matter. */
export function readChargeback(reader: AmazonPageReader): CaseFields {
  const { missing } = reader;
  const idFromHash = /chargebackId=([^&]+)/.exec(reader.url.hash)?.[1];
  const chargeback = compact({
    id: missing.expect('chargeback.id', reader.text(CHARGEBACK.id) ?? (idFromHash ? decodeURIComponent(idFromHash) : undefined)),
    amount: missing.expect('chargeback.amount', reader.money(reader.text(CHARGEBACK.amount))),
    reason: missing.expect('chargeback.reason', reader.text(CHARGEBACK.reason)),
    notifiedAt: missing.expect('chargeback.notifiedAt', reader.instant(reader.text(CHARGEBACK.notifiedAt))),
    respondBy: reader.instant(reader.text(CHARGEBACK.respondBy)),
    status: reader.text(CHARGEBACK.status),
  });
  return {
    orderId: missing.expect('orderId', reader.orderId(CHARGEBACK.orderId)),
    chargeback,
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** The first return request card on the (usually order-filtered) returns list. */
export function readReturn(reader: AmazonPageReader): CaseFields {
  const { missing, doc } = reader;
  const card = doc.querySelector(RETURN.anchors[0]) ?? doc;
  const inCard = (selectors: readonly string[]) => safely(() => selectors.map((s) => textOf(card.querySelector(s))).find(Boolean));
  const returnInfo = compact({
    id: missing.expect('return.id', inCard(RETURN.id)),
    reason: missing.expect('return.reason', inCard(RETURN.reason)),
    requestedAt: missing.expect('return.requestedAt', reader.instant(inCard(RETURN.requestedAt))),
    status: inCard(RETURN.status),
    amount: reader.money(inCard(RETURN.amount)),
  });
  const items = Array.from(card.querySelectorAll(RETURN.itemRows))
    .map((row) => safely(() => readItemRow(reader, row, {})))
    .filter((item): item is OrderItem => item !== undefined);
  return {
    orderId: missing.expect('orderId', reader.orderId(RETURN.orderId)),
    buyer: compact({ name: missing.expect('buyer.name', inCard(RETURN.buyerName)) }),
    items,
    return: returnInfo,
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}

/** The legacy refund form: label/value rows and one row per refundable item. */
export function readRefund(reader: AmazonPageReader): CaseFields {
  const { missing, doc } = reader;
  const hiddenOrderId = (doc.querySelector(REFUND.orderIdInput) as HTMLInputElement | null)?.value;
  const items = Array.from(doc.querySelectorAll(REFUND.itemRows))
    .map((row) => safely(() => readItemRow(reader, row, {})))
    .filter((item): item is OrderItem => item !== undefined);
  missing.expect('items', items);
  const total = reader.money(valueByLabel(doc, LABELS.total));
  return {
    orderId: missing.expect('orderId', reader.orderId([]) ?? (isAmazonOrderId(hiddenOrderId) ? hiddenOrderId : undefined)),
    buyer: compact({ name: missing.expect('buyer.name', valueByLabel(doc, LABELS.buyerName)) }),
    items,
    totals: compact({ total }),
    purchasedAt: reader.instant(valueByLabel(doc, LABELS.purchaseDate)),
    portalTimeZone: reader.seenTimeZone ?? reader.marketplace?.timeZone,
  };
}
