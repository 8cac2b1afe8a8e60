import type * as Selectors from './selectors';

/**
 * The fixture pages (tests/fixtures, by name) that show each group of ./selectors.ts. The conventions test
 * (utils/portals/selector-fixtures.test.ts) loads the named pages and checks that every selector of the
 * group matches in one of them, or is listed in NOT_IN_FIXTURES with why no page has it (and that it still
 * matches none, so the list never goes stale).
 */
export const SELECTOR_FIXTURES = {
  HOOKS: [
    'zalando-order',
    'zalando-order-other-path',
    'zalando-return',
    'zalando-cc-request',
    'zalando-order-detail-en',
    'zalando-return-detail-en',
    'zalando-cc-request-en',
  ],
  PAGE_HOOKS: ['zalando-order', 'zalando-return', 'zalando-cc-request', 'zalando-order-list', 'zalando-cc-request-en'],
  SPINNERS: ['zalando-order-list', 'zalando-order-detail-en'],
  REPLY_BOX: ['zalando-cc-request', 'zalando-cc-request-en', 'zalando-cc-inbox-en'],
} as const satisfies Record<Exclude<keyof typeof Selectors, 'LABELS' | 'PAGE_SIGNS'>, readonly string[]>;

/** Selectors (by path in ./selectors.ts) that no fixture page shows, each with the reason it is kept. */
export const NOT_IN_FIXTURES: Readonly<Record<string, string>> = {
  'HOOKS.tracking[0]': 'A tracking hook designed for an order with a shipment; the tracking number is read by its label on every page that shows one.',
  'REPLY_BOX[4]': 'A contenteditable text box with the textbox role, not seen in zDirect; a last resort after the text areas.',
  'REPLY_BOX[5]': 'Any contenteditable area, not seen in zDirect; the last resort of the reply-box finder.',
  'SPINNERS[1]': "A spinner class guessed from Zalando's design system; our async pages show the progressbar role.",
};
