/** Mirakl marketplace codes, `<OPERATOR>-<COUNTRY>` (SECRETSALES-UK, DECATHLON-DE). Server-safe: no DOM. */
export const MARKETPLACE_CODE_RE = /^([A-Z][A-Z0-9]{1,23})-([A-Z]{2})$/;
