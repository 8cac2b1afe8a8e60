import type { Money } from './schemas/common';

/**
 * Money as the code keeps it: integer minor units plus an ISO 4217 currency (STYLE.md rule 7). The one
 * place that knows how many digits a currency's minor unit has and how an amount is written back out.
 */

const minorDigitsCache = new Map<string, number | undefined>();

/**
 * Digits of a currency's minor unit (JPY 0, EUR 2, KWD 3) from ICU; undefined for a code Intl refuses.
 * Kept per code: building a number formatter is slow.
 */
export function currencyMinorDigits(currency: string): number | undefined {
  if (minorDigitsCache.has(currency)) return minorDigitsCache.get(currency);
  let digits: number | undefined;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = undefined;
  }
  minorDigitsCache.set(currency, digits);
  return digits;
}

/** Minor units as a plain decimal in the currency's own precision ("12.00", "1500" for JPY), no symbol; an unknown code keeps two digits. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency) ?? 2;
  const sign = minor < 0 ? '-' : '';
  return `${sign}${(Math.abs(minor) / 10 ** digits).toFixed(digits)}`;
}

/** "12.00 EUR", "1500 JPY": the form analysts compare with the portal's figures. */
export function formatMoney(m: Money): string {
  return `${minorToDecimal(m.amountMinor, m.currency)} ${m.currency}`;
}

/** In the reader's locale ("€12.00", "12,00 €"); a code Intl refuses is shown as minor units and code. */
export function formatMoneyLocalized(m: Money, locale?: string): string {
  const digits = currencyMinorDigits(m.currency);
  if (digits === undefined) return `${m.amountMinor} ${m.currency}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amountMinor / 10 ** digits);
}
