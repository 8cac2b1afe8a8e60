/**
 * The disputes inbox opened on one dispute: `/disputes.html#dispute=<id>`, from the popup's queue row and
 * the worker's notifications. The id is read back only when it is a UUID, so an address cannot smuggle
 * anything else into the inbox's requests.
 */
export const INBOX_PAGE = '/disputes.html' as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function inboxHashFor(disputeId: string): string {
  return `#${new URLSearchParams({ dispute: disputeId }).toString()}`;
}

export function inboxPathFor(disputeId: string): string {
  return `${INBOX_PAGE}${inboxHashFor(disputeId)}`;
}

export function disputeIdOfHash(hash: string): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('dispute');
  return id && UUID.test(id) ? id.toLowerCase() : null;
}
