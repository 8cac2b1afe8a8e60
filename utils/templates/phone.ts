/**
 * Finds phone numbers in a reply, and only phone numbers. A reply is full of digits that are not phone
 * numbers: order ids (302-1234567-1234567), tracking numbers, dates, times, amounts, postcodes, SKUs. So:
 * 1. Known shapes are blanked out first (order ids, UUIDs, carriers' tracking formats, dates, times,
 *    amounts with a currency, ZIP+4 after a state code).
 * 2. What is left is cut into digit runs: digit groups joined by one-character separators, never glued to
 *    letters (a digit group glued to letters is part of an SKU, ASIN or tracking code).
 * 3. A run is a phone number when its shape says so: an international prefix (+ or 00) with 7 to 15
 *    digits; a national trunk 0 followed by a grouped number of 8 to 12 digits (030 12345678,
 *    01 23 45 67 89, 020 7946 0958); or the North American 3-3-4 grouping ((555) 123-4567). Or when a
 *    phone word stands just before it ("Tel.", "call us on", "Rufen Sie uns unter", "llámenos al") and it
 *    has 6 to 15 digits.
 * Ungrouped digit strings without a prefix or a phone word are left alone: order and tracking numbers are
 * written that way (DHL, DPD, FedEx, GLS, zDirect), phone numbers in running text almost never are.
 */

export interface Found {
  index: number;
  text: string;
}

const MONTH_DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
// No digit or digit-separator-digit may continue a blanked shape: "01.23.45.67.89" is a phone, not a date.
const END = String.raw`(?![.\/-]?\d)`;
// Nor may a blanked shape start inside a phone number: after "+31 " or an area code ("0701 29.02.2002").
const START = String.raw`(?<![\d.\/-])(?<!\+\d{1,4}[\s.-]?)(?<!\b0\d{1,4} )`;
const CURRENCY = String.raw`(?:€|\$|£|¥|₹|zł|kr|EUR|USD|GBP|CHF|PLN|JPY|SEK|DKK|NOK|CZK|CAD|AUD|MXN|BRL|TRY|INR)`;
const AMOUNT = String.raw`\d{1,3}(?:[ .,'\u00A0\u202F]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR';

/** Shapes that are never phone numbers, blanked before runs are cut. */
const NOT_PHONE: RegExp[] = [
  // Amazon order ids, including digital (D01-) and other prefixes (S01-), and zDirect's UUIDs.
  /\b[0-9A-Z]\d{2}-\d{7}-\d{7}\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  // UPS (also written in groups), the UPU S10 format (Royal Mail, Colissimo international, USPS international,
  // Poste Italiane, Correos ...), DHL Express JJD, Colissimo domestic.
  /\b1Z(?: ?[0-9A-Z]){16}\b/gi,
  /\b[A-Z]{2} ?\d{3} ?\d{3} ?\d{3} ?[A-Z]{2}\b/g,
  /\bJJD ?\d{9,}\b/gi,
  // ISO dates and timestamps, day-month-year and month-day-year dates, short dates ("01.12."), times.
  new RegExp(START + String.raw`\b(?:19|20)\d{2}-${MONTH}-${MONTH_DAY}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` + END, 'g'),
  new RegExp(START + String.raw`\b${MONTH_DAY}([./-])${MONTH_DAY}\1(?:(?:19|20)\d{2}|\d{2})` + END, 'g'),
  new RegExp(START + String.raw`\b(?:19|20)\d{2}([./-])${MONTH}\1${MONTH_DAY}` + END, 'g'),
  new RegExp(START + String.raw`\b${MONTH_DAY}\.${MONTH}\.(?!\d)`, 'g'),
  new RegExp(START + String.raw`\b(?:[01]?\d|2[0-3])(?::|h ?|\.(?=\d{2}\s?(?:Uhr|h)\b))[0-5]\d(?::[0-5]\d)?` + END, 'gi'),
  // Amounts with a currency before or after.
  new RegExp(String.raw`${CURRENCY}\s?-?(?:${AMOUNT})(?![\d])`, 'g'),
  new RegExp(String.raw`(?<![\d.,])(?:${AMOUNT})\s?${CURRENCY}`, 'g'),
  // ZIP+4 after a state code ("MA 02134-1234"): a 5-4 group that would otherwise look like a German number.
  new RegExp(String.raw`\b(?:${US_STATES}),? \d{5}-\d{4}\b`, 'g'),
];

// Digit groups (a "(0)" or "(555)" counts as one) joined by at most two separator characters.
const RUN = /(?<![\p{L}\p{N}_+])(?:\+|(?<!\d)00)?\s?(?:\(\d{1,4}\)\s?)?\d+(?:(?:[ \u00A0\u202F./–-]{1,2}|(?<=\)))\(?\d+\)?)*(?![\p{L}\p{N}_])/gu;

// A phone word shortly before a number: "Tel.:", "call us on", "Rufen Sie uns unter", "appelez-nous au",
// "llámenos al", "chiamaci al numero". A word glued to the digits by a hyphen is part of a code, not a
// phone word: the SKU FAX-000000-BLK or TEL-123456-XL.
const PHONE_WORD =
  /(?:\b(?:tel|phone|telephone|call|ring|mobile|cell|fax|hotline|telefon\w*|handy|mobil\w*|anruf\w*|rufen|ruf|t[ée]l[ée]phone|t[ée]l|portable|appel\w*|tel[ée]fono|m[óo]vil|llam\w*|cellulare|chiam\w*)\b|\bll[áa]m\w*|\btél\b)(?!-?\d|-$)[^\d\n]{0,30}$/iu;

export function findPhoneNumbers(text: string): Found[] {
  let blanked = text;
  for (const re of NOT_PHONE) blanked = blanked.replace(re, (m) => 'x'.repeat(m.length));
  const found: Found[] = [];
  for (const m of blanked.matchAll(RUN)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const run = raw.trim();
    if (isPhone(run, blanked.slice(Math.max(0, m.index - 40), m.index + lead)))
      found.push({ index: m.index + lead, text: text.slice(m.index + lead, m.index + raw.length) });
  }
  return found;
}

function isPhone(run: string, before: string): boolean {
  const digits = run.replace(/\D/g, '');
  const groups = run.match(/\d+/g) ?? [];
  const grouped = groups.length > 1;
  if (run.startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  if (run.startsWith('00') && grouped) return digits.length >= 9 && digits.length <= 17;
  if (PHONE_WORD.test(before) && digits.length >= 6 && digits.length <= 15) return true;
  // North American grouping: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199.
  if (/^(?:1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/.test(run)) return true;
  // A national number: trunk 0, an area code of 1 to 5 digits, the rest in groups.
  return grouped && digits.startsWith('0') && !digits.startsWith('00') && digits.length >= 8 && digits.length <= 12 && groups[0]!.length <= 5;
}
