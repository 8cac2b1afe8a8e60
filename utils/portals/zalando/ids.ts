/**
 * The two ids of a zDirect order. People (customers, Customer Care, the partner's own staff) quote the
 * order number, a run of 16 digits such as 1040970000502251; the Orders API and the portal's links use a
 * UUID. Other digit runs sit beside them on the same pages (11-digit customer numbers, 13-digit EANs,
 * 20-digit parcel numbers), so the number is taken only as a run of exactly 16 digits.
 */
export const ORDER_NUMBER_LENGTH = 16;

const ORDER_NUMBER_IN_TEXT = new RegExp(`(?<![0-9A-Za-z])(\\d{${ORDER_NUMBER_LENGTH}})(?![0-9A-Za-z])`);
const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_EXACT = new RegExp(`^${UUID_SOURCE}$`, 'i');
const UUID_IN_TEXT = new RegExp(`(?<![0-9a-z-])(${UUID_SOURCE})(?![0-9a-z-])`, 'i');

export function isOrderNumber(value: string | null | undefined): value is string {
  return typeof value === 'string' && new RegExp(`^\\d{${ORDER_NUMBER_LENGTH}}$`).test(value.trim());
}

/** The first order number in a text ("Order 1040970000502251", "Bestellnummer: ..."), else undefined. */
export function findOrderNumber(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string' || text.length > 2_000) return undefined;
  return ORDER_NUMBER_IN_TEXT.exec(text)?.[1];
}

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID_EXACT.test(value.trim());
}

/** The first UUID in a text or URL, lower-cased (the API's spelling), else undefined. */
export function findUuid(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string' || text.length > 4_000) return undefined;
  return UUID_IN_TEXT.exec(text)?.[1]?.toLowerCase();
}

/**
 * The order UUID an href points at: `/orders/<uuid>` anywhere in the path (also under a prefix such as
 * `/order-management`), or a query parameter naming the order (`id`, `orderId`, `selected`). A return's
 * or a request's own UUID (`/returns/<uuid>`) is not the order's.
 */
export function orderUuidOfHref(href: string | null | undefined, base = 'https://zdirect.zalando.com/'): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  const inPath = /\/orders\/([^/?#]+)/.exec(url.pathname)?.[1];
  if (isUuid(inPath)) return inPath.toLowerCase();
  if (!/\/orders?(\/|$)|\/fulfillment\//.test(url.pathname)) return undefined;
  for (const key of ['id', 'orderId', 'order', 'selected']) {
    const value = url.searchParams.get(key);
    if (isUuid(value)) return value.toLowerCase();
  }
  return undefined;
}
