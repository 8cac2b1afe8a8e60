import { z } from 'zod';
import { headerKey, isKnownCurrency, parseExportDate, parseMajorAmount, type RowProblem } from './dispute-import';
import type { CsvRecord } from './csv';

/**
 * The team's own card payments as CSV, for Visa Compelling Evidence 3.0 (earlier undisputed payments on
 * the same card): Stripe's payments export (Payments > Export, with the Card Fingerprint column), or the
 * layout documented in the README for any other processor (Adyen's card alias, a stored-card token).
 * The card is only ever its processor's fingerprint or token: a column that holds a card number is
 * refused, row by row. Pure: the caller parses the CSV and stores the rows.
 */

export type PaymentFormat = 'stripe' | 'payments';

const IpAddress = z.union([z.ipv4(), z.ipv6()]);
const isIP = (text: string) => IpAddress.safeParse(text).success;

type Field =
  | 'paymentId'
  | 'paidAt'
  | 'cardRef'
  | 'amount'
  | 'currency'
  | 'status'
  | 'ipAddress'
  | 'deviceId'
  | 'shippingAddress'
  | 'shipLine1'
  | 'shipLine2'
  | 'shipCity'
  | 'shipPostalCode'
  | 'shipCountry'
  | 'accountId'
  | 'email'
  | 'orderId'
  | 'disputed'
  | 'disputedAmount'
  | 'fraudReported';

interface FormatSpec {
  /** Header names per field, the one messages name first (compared without case, spaces or punctuation). */
  columns: Partial<Record<Field, string[]>>;
  required: Field[];
  markers: string[];
}

export const PAYMENT_FORMATS: Record<PaymentFormat, FormatSpec> = {
  stripe: {
    columns: {
      paymentId: ['id'],
      paidAt: ['Created date (UTC)', 'Created (UTC)', 'created'],
      cardRef: ['Card Fingerprint'],
      amount: ['Amount'],
      currency: ['Currency'],
      status: ['Status'],
      accountId: ['Customer ID'],
      email: ['Customer Email'],
      disputedAmount: ['Disputed Amount'],
      // The buyer's IP and device come from the charge's metadata, where the shop puts them.
      ipAddress: ['ip_address (metadata)', 'ip (metadata)', 'customer_ip (metadata)'],
      deviceId: ['device_id (metadata)'],
      orderId: ['order_id (metadata)', 'Order ID (metadata)', 'Description'],
      shipLine1: ['Shipping Address Line1'],
      shipLine2: ['Shipping Address Line2'],
      shipCity: ['Shipping Address City'],
      shipPostalCode: ['Shipping Address Postal Code', 'Shipping Address Zip'],
      shipCountry: ['Shipping Address Country'],
    },
    required: ['paymentId', 'paidAt', 'cardRef', 'amount', 'currency'],
    markers: ['cardfingerprint'],
  },
  payments: {
    columns: {
      paymentId: ['payment_id'],
      paidAt: ['paid_at'],
      cardRef: ['card_ref'],
      amount: ['amount'],
      currency: ['currency'],
      status: ['status'],
      ipAddress: ['ip_address'],
      deviceId: ['device_id'],
      shippingAddress: ['shipping_address'],
      accountId: ['account_id'],
      email: ['customer_email', 'email'],
      orderId: ['order_id'],
      disputed: ['disputed'],
      fraudReported: ['fraud_reported'],
    },
    required: ['paymentId', 'paidAt', 'cardRef'],
    markers: ['cardref'],
  },
};

export interface PaymentColumns {
  format: PaymentFormat;
  index: Partial<Record<Field, number>>;
  names: Partial<Record<Field, string>>;
}

export type PaymentHeader = { ok: true; map: PaymentColumns } | { ok: false; message: string };

function mapColumns(format: PaymentFormat, header: string[]): { map: PaymentColumns; missing: Field[] } {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const map: PaymentColumns = { format, index: {}, names: {} };
  for (const [field, aliases] of Object.entries(PAYMENT_FORMATS[format].columns) as [Field, string[]][]) {
    for (const alias of aliases) {
      const at = keys.findIndex((k, i) => k === headerKey(alias) && !used.has(i));
      if (at === -1) continue;
      used.add(at);
      map.index[field] = at;
      map.names[field] = header[at]!.trim();
      break;
    }
  }
  return { map, missing: PAYMENT_FORMATS[format].required.filter((f) => map.index[f] === undefined) };
}

/** The format whose required columns and a marker the header has (or the one asked for), else why not. */
export function detectPaymentFormat(header: string[], wanted?: PaymentFormat): PaymentHeader {
  const keys = new Set(header.map(headerKey));
  const candidates = (wanted ? [wanted] : (Object.keys(PAYMENT_FORMATS) as PaymentFormat[])).map((format) => ({ format, ...mapColumns(format, header) }));
  const fit = candidates.find((c) => c.missing.length === 0 && (wanted !== undefined || PAYMENT_FORMATS[c.format].markers.some((m) => keys.has(m))));
  if (fit) return { ok: true, map: fit.map };
  const closest = [...candidates].sort((a, b) => a.missing.length - b.missing.length)[0]!;
  const named = closest.missing.map((f) => PAYMENT_FORMATS[closest.format].columns[f]![0]!);
  return {
    ok: false,
    message:
      `The header is not a payments export this import reads (Stripe's payments export with Card Fingerprint, or the payments layout: payment_id, paid_at, card_ref, ...). ` +
      `Closest: ${closest.format}, which also needs the column(s) ${named.join(', ')}.`,
  };
}

/** One payment as stored (the disputes' payment_ref is `paymentId`). */
export interface CardPaymentInput {
  paymentId: string;
  format: PaymentFormat;
  paidAt: Date;
  cardRef: string;
  amountMinor?: number;
  currency?: string;
  ipAddress?: string;
  deviceId?: string;
  shippingAddress?: string;
  accountId?: string;
  email?: string;
  orderId?: string;
  disputed: boolean;
  fraudReported: boolean;
}

export interface PaymentRow {
  row: number;
  payment: CardPaymentInput;
}

/** A row left out on purpose (a failed payment is no evidence of anything). */
export interface PaymentSkip {
  row: number;
  paymentId: string;
  why: string;
}

export const PAYMENT_LIMITS = { id: 200, cardRef: 200, ip: 100, device: 200, address: 500, account: 200, email: 320, orderId: 64 } as const;

/** Luhn's check, for telling a card number from a fingerprint or token made of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A primary account number (13 to 19 digits, spaces or dashes allowed, passing Luhn's check). */
export function looksLikeCardNumber(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '');
  return /^\d{13,19}$/.test(compact) && luhnValid(compact);
}

const NOT_SETTLED = new Set([
  'failed',
  'canceled',
  'cancelled',
  'incomplete',
  'blocked',
  'requires_payment_method',
  'requires_action',
  'declined',
  'refused',
  'error',
]);
const YES = new Set(['true', 'yes', 'y', '1']);
const NO = new Set(['false', 'no', 'n', '0', '']);

const word = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Every data row read into a payment, a deliberate skip, or problems naming the row and column. */
export async function readPaymentRows(
  map: PaymentColumns,
  records: readonly CsvRecord[],
  now: Date,
  pause?: () => Promise<void>,
  sliceRows = 2000,
): Promise<{ rows: PaymentRow[]; skips: PaymentSkip[]; problems: RowProblem[] }> {
  const rows: PaymentRow[] = [];
  const skips: PaymentSkip[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    if (pause && i > 0 && i % sliceRows === 0) await pause();
    const read = readOne(map, record, now);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const earlier = firstRowOf.get(read.paymentId);
    if (earlier !== undefined) {
      problems.push({ row: record.row, column: map.names.paymentId!, message: `payment ${read.paymentId.slice(0, 60)} is already in row ${earlier}` });
      continue;
    }
    firstRowOf.set(read.paymentId, record.row);
    if ('skip' in read) skips.push({ row: record.row, paymentId: read.paymentId, why: read.skip });
    else rows.push({ row: record.row, payment: read.payment });
  }
  return { rows, skips, problems };
}

type ReadOne = { paymentId: string; payment: CardPaymentInput } | { paymentId: string; skip: string } | { problems: RowProblem[] };

function readOne(map: PaymentColumns, record: CsvRecord, now: Date): ReadOne {
  const problems: RowProblem[] = [];
  const cell = (f: Field) => (map.index[f] === undefined ? '' : (record.cells[map.index[f]!] ?? '').trim());
  const problem = (f: Field, message: string) => problems.push({ row: record.row, column: map.names[f] ?? f, message });
  const text = (f: Field, max: number): string | undefined => {
    const v = cell(f);
    if (v === '') return undefined;
    if (v.length > max) {
      problem(f, `longer than ${max} characters`);
      return undefined;
    }
    return v;
  };

  const paymentId = text('paymentId', PAYMENT_LIMITS.id);
  if (!paymentId && cell('paymentId') === '') problem('paymentId', 'missing payment id');
  const paidAtText = cell('paidAt');
  const paidAt = paidAtText === '' ? undefined : parseExportDate(paidAtText);
  if (paidAtText === '') problem('paidAt', 'missing date');
  else if (!paidAt) problem('paidAt', `"${paidAtText.slice(0, 40)}" is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], UTC unless a zone is given)`);
  else if (paidAt.getTime() > now.getTime() + 86_400_000) problem('paidAt', `${paidAtText.slice(0, 40)} is in the future`);

  const cardRef = text('cardRef', PAYMENT_LIMITS.cardRef);
  if (cell('cardRef') === '') problem('cardRef', "missing card fingerprint (the processor's card fingerprint or token)");
  else if (cardRef && looksLikeCardNumber(cardRef))
    problem('cardRef', "looks like a card number; the import takes the processor's card fingerprint or token, never the number itself");

  let currency: string | undefined;
  const currencyText = cell('currency').toUpperCase();
  if (currencyText !== '') {
    if (!/^[A-Z]{3}$/.test(currencyText) || !isKnownCurrency(currencyText))
      problem('currency', `"${currencyText.slice(0, 10)}" is not an ISO 4217 currency code`);
    else currency = currencyText;
  } else if (map.format === 'stripe') problem('currency', 'missing currency');
  let amountMinor: number | undefined;
  if (cell('amount') !== '') {
    if (!currency) {
      if (currencyText === '') problem('currency', 'an amount needs its currency');
    } else {
      const amount = parseMajorAmount(cell('amount'), currency);
      if (amount.ok) amountMinor = amount.minor;
      else problem('amount', amount.message);
    }
  } else if (map.format === 'stripe') problem('amount', 'missing amount');

  const ipAddress = text('ipAddress', PAYMENT_LIMITS.ip);
  if (ipAddress && !isIP(ipAddress)) problem('ipAddress', `"${ipAddress.slice(0, 60)}" is not an IPv4 or IPv6 address`);
  const deviceId = text('deviceId', PAYMENT_LIMITS.device);
  const accountId = text('accountId', PAYMENT_LIMITS.account);
  const email = text('email', PAYMENT_LIMITS.email);
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) problem('email', `"${email.slice(0, 60)}" is not an e-mail address`);
  const orderId = text('orderId', PAYMENT_LIMITS.orderId);
  const shippingAddress = addressOf(map, cell, problem);

  const flag = (f: Field): boolean => {
    const v = cell(f).toLowerCase();
    if (YES.has(v)) return true;
    if (!NO.has(v)) problem(f, `"${v.slice(0, 20)}" is not true or false`);
    return false;
  };
  let disputed = flag('disputed');
  const fraudReported = flag('fraudReported');
  if (cell('disputedAmount') !== '' && currency) {
    const amount = parseMajorAmount(cell('disputedAmount'), currency);
    if (!amount.ok) problem('disputedAmount', amount.message);
    else if (amount.minor > 0) disputed = true;
  }
  const status = word(cell('status'));
  if (status === 'disputed') disputed = true;

  if (problems.length > 0 || !paymentId || !paidAt || !cardRef) return { problems };
  if (NOT_SETTLED.has(status)) return { paymentId, skip: `status ${cell('status').slice(0, 40)}: not a settled payment` };
  const payment: CardPaymentInput = { paymentId, format: map.format, paidAt, cardRef, disputed, fraudReported };
  const optional = { amountMinor, currency, ipAddress, deviceId, shippingAddress, accountId, email, orderId };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (payment as unknown as Record<string, unknown>)[k] = v;
  return { paymentId, payment };
}

function addressOf(map: PaymentColumns, cell: (f: Field) => string, problem: (f: Field, message: string) => void): string | undefined {
  const whole = cell('shippingAddress');
  const parts = whole !== '' ? [whole] : (['shipLine1', 'shipLine2', 'shipPostalCode', 'shipCity', 'shipCountry'] as const).map(cell).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const joined = parts.join(', ');
  if (joined.length > PAYMENT_LIMITS.address) {
    problem(map.index.shippingAddress !== undefined ? 'shippingAddress' : 'shipLine1', `longer than ${PAYMENT_LIMITS.address} characters`);
    return undefined;
  }
  return joined;
}
