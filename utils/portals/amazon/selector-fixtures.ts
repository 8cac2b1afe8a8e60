import type * as Selectors from './selectors';

/**
 * The fixture pages (tests/fixtures, by name) that show each group of ./selectors.ts. The conventions test
 * (utils/portals/selector-fixtures.test.ts) loads the named pages and checks that every selector of the
 * group matches in one of them, or is listed in NOT_IN_FIXTURES with why no page has it (and that it still
 * matches none, so the list never goes stale).
 */
export const SELECTOR_FIXTURES = {
  ORDER: ['amazon-de-order', 'amazon-com-order', 'amazon-jp-order', 'amazon-europe-missing-fields-order', 'amazon-com-order-us-address', 'amazon-ie-order'],
  ORDER_LIST: ['amazon-com-order-list'],
  ORDER_LINKS: ['amazon-com-order-list', 'amazon-uk-message'],
  MESSAGE: ['amazon-uk-message', 'amazon-com-hostile-message', 'amazon-de-contact-buyer', 'amazon-com-contact-buyer-katal'],
  CLAIM: ['amazon-fr-claim'],
  CHARGEBACK: ['amazon-com-chargeback', 'amazon-com-chargebacks-table-detail', 'amazon-de-chargebacks-detail'],
  RETURN: ['amazon-it-return', 'amazon-com-returns-v2-expanded', 'amazon-uk-manage-returns-mfn'],
  REFUND: ['amazon-es-refund'],
  SPINNERS: ['amazon-de-order', 'amazon-com-chargeback'],
  REPLY_BOX: ['amazon-de-contact-buyer', 'amazon-com-contact-buyer-katal', 'amazon-uk-message', 'amazon-fr-claim', 'amazon-uk-inbox-v3-thread'],
} as const satisfies Record<Exclude<keyof typeof Selectors, 'LABELS'>, readonly string[]>;

/** Selectors (by path in ./selectors.ts) that no fixture page shows, each with the reason it is kept. */
export const NOT_IN_FIXTURES: Readonly<Record<string, string>> = {
  'MESSAGE.subject[1]': 'Designed for the contact-buyer form; every contact-buyer page we have shows the subject as a select, read by label.',
  'ORDER.productName[3]': 'A hook kept after the order page moved to the product-name cell class (seen); a last resort after the cell and the link.',
  'ORDER_LIST.anchors[3]': 'FBA orders link to fba-order-details (seen in public scripts); no list page of ours holds an FBA order.',
  'REPLY_BOX[7]': 'A contenteditable reply area for a redesigned inbox, not seen; the plain and Katal text areas come first.',
  'REPLY_BOX[8]': 'A contenteditable text box with the textbox role, not seen on Seller Central; the generic last resort.',
  'SPINNERS[1]': 'The Katal spinner component (Katal is public); our async pages show the a-spinner instead.',
};
