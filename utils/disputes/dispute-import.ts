import type { DisputeReason, DisputeStage, DisputeStatus, ProcessorSource } from '../schemas/disputes';
import { currencyMinorDigits } from '../money';
import type { CsvRecord } from './csv';
import { ADYEN_DISPUTE_EVENTS, networkOfBrand, STRIPE_REASONS, STRIPE_STATUS, type ProcessorDisputeEvent } from './processor-events';

/**
 * Dispute exports as CSV: Stripe's disputes export, Adyen's Dispute report, PayPal's disputes export,
 * and one documented layout for pre-dispute alerts (Ethoca, Verifi CDRN / RDR) that teams fill from
 * their provider's portal. The header decides the format; each row becomes the same event a webhook
 * would give, or a list of problems naming the row and the column. Pure.
 */

export type ImportFormat = 'stripe' | 'adyen' | 'paypal' | 'alerts';

type Field =
  | 'externalId'
  | 'createdAt'
  | 'amount'
  | 'currency'
  | 'status'
  | 'reason'
  | 'reasonCode'
  | 'network'
  | 'paymentRef'
  | 'orderRef'
  | 'email'
  | 'dueBy'
  | 'recordType'
  | 'caseType'
  | 'provider'
  | 'alertType'
  | 'outcome';

interface FormatSpec {
  /** Header names per field, most specific first (compared without case, spaces or punctuation); the first is the one messages name. */
  columns: Partial<Record<Field, string[]>>;
  required: Field[];
  /** Columns only this format has: with the required ones, they tell the formats apart. */
  markers: string[];
}

/**
 * The alert layout, documented in the README: alert_id, provider (ethoca, verifi, cdrn or rdr),
 * alert_type (fraud or dispute), created_at, amount, currency, and optionally order_id, card_network,
 * reason_code, respond_by, buyer_email, outcome.
 */
export const FORMATS: Record<ImportFormat, FormatSpec> = {
  stripe: {
    columns: {
      externalId: ['id', 'disputeid'],
      createdAt: ['Created (UTC)', 'created', 'createdat'],
      amount: ['amount', 'disputedamount'],
      currency: ['currency'],
      status: ['status'],
      reason: ['reason'],
      reasonCode: ['Network Reason Code', 'reasoncode'],
      network: ['Card Brand', 'brand', 'network'],
      paymentRef: ['Charge ID', 'charge', 'paymentintentid'],
      orderRef: ['Order ID (metadata)', 'metadataorderid', 'orderid', 'description'],
      email: ['Customer Email', 'customeremailaddress', 'email'],
      dueBy: ['Evidence Due By (UTC)', 'evidencedueby', 'dueby'],
    },
    required: ['externalId', 'createdAt', 'amount', 'currency', 'status', 'reason'],
    markers: ['chargeid', 'charge', 'evidenceduebyutc', 'evidencedueby'],
  },
  adyen: {
    columns: {
      externalId: ['Dispute PSP Reference', 'pspreference'],
      paymentRef: ['Original Reference', 'pspreference'],
      createdAt: ['Record Date', 'disputedate'],
      amount: ['Dispute Amount', 'amount'],
      currency: ['Dispute Currency', 'currency'],
      recordType: ['Record Type', 'eventcode'],
      status: ['Dispute Status', 'status'],
      reason: ['Dispute Reason', 'reason'],
      reasonCode: ['Reason Code', 'chargebackreasoncode'],
      network: ['Payment Method', 'schemecode', 'chargebackschemecode'],
      orderRef: ['Merchant Reference'],
      email: ['Shopper Email'],
      dueBy: ['Dispute End Date', 'defenseperiodendsat'],
    },
    required: ['externalId', 'createdAt', 'amount', 'currency', 'recordType'],
    markers: ['recordtype', 'disputepspreference', 'pspreference'],
  },
  paypal: {
    columns: {
      externalId: ['Case ID', 'disputeid'],
      caseType: ['Case type', 'disputetype'],
      status: ['Case status', 'status'],
      reason: ['reason', 'disputereason'],
      paymentRef: ['Transaction ID'],
      orderRef: ['Invoice ID', 'invoicenumber'],
      email: ['Buyer email', 'buyeremailaddress'],
      amount: ['Disputed amount', 'amount', 'grossamount'],
      currency: ['Currency', 'disputedcurrency'],
      createdAt: ['Case filing date', 'createddate', 'createdate', 'openeddate'],
      dueBy: ['Seller response due date', 'responseduedate', 'duedate'],
    },
    required: ['externalId', 'createdAt', 'amount', 'currency', 'status'],
    markers: ['caseid', 'casetype', 'transactionid'],
  },
  alerts: {
    columns: {
      externalId: ['alert_id'],
      provider: ['provider'],
      alertType: ['alert_type'],
      createdAt: ['created_at', 'alert_date'],
      amount: ['amount'],
      currency: ['currency'],
      orderRef: ['order_id', 'merchant_order_id'],
      network: ['card_network', 'network'],
      reasonCode: ['reason_code'],
      dueBy: ['respond_by'],
      email: ['buyer_email'],
      outcome: ['outcome'],
    },
    required: ['externalId', 'provider', 'createdAt', 'amount', 'currency'],
    markers: ['alertid'],
  },
};

/** Header text as compared: lower case, letters and digits only ("Created (UTC)" -> "createdutc"). */
export const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface ColumnMap {
  format: ImportFormat;
  /** Field -> column index. */
  index: Partial<Record<Field, number>>;
  /** Field -> the header as written in the file, for messages. */
  names: Partial<Record<Field, string>>;
}

export type HeaderResult = { ok: true; map: ColumnMap } | { ok: false; message: string };

function mapColumns(format: ImportFormat, header: string[]): { map: ColumnMap; missing: Field[] } {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const map: ColumnMap = { format, index: {}, names: {} };
  for (const [field, aliases] of Object.entries(FORMATS[format].columns) as [Field, string[]][]) {
    for (const alias of aliases) {
      const at = keys.findIndex((k, i) => k === headerKey(alias) && !used.has(i));
      if (at !== -1) {
        used.add(at);
        map.index[field] = at;
        map.names[field] = header[at]!.trim();
        break;
      }
    }
  }
  return { map, missing: FORMATS[format].required.filter((f) => map.index[f] === undefined) };
}

/** The format whose required columns and at least one marker column the header has (or the one asked for). */
export function detectFormat(header: string[], wanted?: ImportFormat): HeaderResult {
  const keys = new Set(header.map(headerKey));
  const candidates = (wanted ? [wanted] : (Object.keys(FORMATS) as ImportFormat[])).map((format) => ({ format, ...mapColumns(format, header) }));
  const fit = candidates.find((c) => c.missing.length === 0 && (wanted !== undefined || FORMATS[c.format].markers.some((m) => keys.has(headerKey(m)))));
  if (fit) return { ok: true, map: fit.map };
  const closest = [...candidates].sort((a, b) => a.missing.length - b.missing.length)[0]!;
  const columnsOf = (f: Field) => FORMATS[closest.format].columns[f]![0]!;
  return {
    ok: false,
    message: `The header is not one of the known exports (Stripe, Adyen, PayPal, alerts). Closest: ${closest.format}, which also needs the column(s) ${closest.missing.map(columnsOf).join(', ')}.`,
  };
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow {
  row: number;
  event: ProcessorDisputeEvent;
}

// ---- values ----

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** ISO dates as the exports write them; without a zone the time is UTC (Stripe's "(UTC)" columns). */
export function parseExportDate(text: string): Date | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let offset = 'Z';
  if (zone && !/^(z|utc)$/i.test(zone)) offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(t)) return undefined;
  const date = new Date(t);
  // Date.parse rolls 2026-02-31 over into March; such a date is a typo, not a date.
  if (!zone || /^(z|utc)$/i.test(zone)) if (date.getUTCDate() !== day) return undefined;
  if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() >= 2100) return undefined;
  return date;
}

let currencies: ReadonlySet<string> | undefined;
/** ISO 4217 codes the runtime knows. */
export function isKnownCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/**
 * An amount in major units ("49.99", "1,234.56", "1.234,56", "-49.99") as integer minor units. Some
 * reports show the debit of a chargeback as negative; the dispute's amount is its size.
 */
export function parseMajorAmount(text: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  let t = text.trim().replace(/[\s\u00a0']/g, '');
  if (t === '') return { ok: false, message: 'missing amount' };
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  let whole = t;
  let fraction = '';
  // Both kinds: the last one is the decimal separator ("1,234.56", "1.234,56"). A lone dot is decimal
  // (machine exports write 49.99); a lone comma is decimal too ("49,99") unless exactly three digits
  // follow it and nothing else does ("1,050" is a thousand and fifty).
  if (decimalAt !== -1) {
    const after = t.slice(decimalAt + 1);
    const loneComma = lastDot === -1;
    const grouping = loneComma && after.length === 3 && t.split(',').length >= 2 && /^\d{1,3}(,\d{3})+$/.test(t);
    if (!grouping) {
      whole = t.slice(0, decimalAt);
      fraction = after;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d{1,15}$/.test(whole) || !/^\d*$/.test(fraction))
    return { ok: false, message: `"${text.slice(0, 40)}" is not an amount (expected digits such as 49.99)` };
  const decimals = currencyMinorDigits(currency) ?? 2;
  if (fraction.replace(/0+$/, '').length > decimals)
    return { ok: false, message: `"${text.slice(0, 40)}" has more decimals than ${currency} allows (${decimals})` };
  const minor = Number(whole) * 10 ** decimals + Number((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
  if (!Number.isSafeInteger(minor)) return { ok: false, message: `"${text.slice(0, 40)}" is too large` };
  return { ok: true, minor };
}

// ---- per-format meaning ----

const word = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const PAYPAL_STAGE: Record<string, DisputeStage> = { inquiry: 'inquiry', dispute: 'inquiry', claim: 'chargeback', chargeback: 'chargeback' };
const PAYPAL_STATUS: Record<string, DisputeStatus> = {
  open: 'open',
  waiting_for_seller_response: 'open',
  waiting_for_buyer_response: 'responded',
  under_review: 'responded',
  under_paypal_review: 'responded',
  resolved_seller_favour: 'won',
  resolved_in_seller_favour: 'won',
  resolved_buyer_favour: 'lost',
  resolved_in_buyer_favour: 'lost',
  resolved_with_payout: 'refunded',
  cancelled_by_buyer: 'won',
  denied: 'won',
  resolved: 'accepted',
  closed: 'accepted',
};
const PAYPAL_REASONS: Record<string, DisputeReason> = {
  merchandise_or_service_not_received: 'not_received',
  item_not_received: 'not_received',
  merchandise_or_service_not_as_described: 'not_as_described',
  significantly_not_as_described: 'not_as_described',
  unauthorised: 'fraud_card_absent',
  unauthorized: 'fraud_card_absent',
  unauthorized_transaction: 'fraud_card_absent',
  credit_not_processed: 'credit_not_processed',
  duplicate_transaction: 'duplicate',
  payment_by_other_means: 'duplicate',
  incorrect_amount: 'processing_error',
  canceled_recurring_billing: 'cancelled_recurring',
  cancelled_recurring_billing: 'cancelled_recurring',
};

/** Alert outcomes (Ethoca, Verifi) as the dispute's status: refunded or stopped in time, or let go. */
const ALERT_OUTCOME: Record<string, DisputeStatus> = {
  '': 'open',
  resolved: 'refunded',
  resolved_previously_refunded: 'refunded',
  stopped: 'refunded',
  partially_stopped: 'refunded',
  previously_cancelled: 'refunded',
  refunded: 'refunded',
  unresolved_dispute: 'accepted',
  missed: 'accepted',
  not_found: 'accepted',
  other: 'accepted',
  declined: 'accepted',
};

const ALERT_PROVIDERS: Record<string, ProcessorSource> = { ethoca: 'ethoca', verifi: 'verifi', cdrn: 'verifi', rdr: 'verifi' };

/**
 * One data row as a processor event, or its problems. `eventId` is the row's content (source, dispute,
 * stage and status): importing the same file twice applies it once.
 */
export function readImportRow(map: ColumnMap, record: CsvRecord, now: Date): { ok: true; row: ImportRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (f: Field) => (map.index[f] === undefined ? '' : (record.cells[map.index[f]!] ?? '').trim());
  const problem = (f: Field, message: string) => problems.push({ row: record.row, column: map.names[f] ?? FORMATS[map.format].columns[f]![0]!, message });
  const need = (f: Field, what: string) => {
    const v = cell(f);
    if (v === '') problem(f, `missing ${what}`);
    return v;
  };
  const date = (f: Field, what: string, required: boolean): Date | null => {
    const v = required ? need(f, what) : cell(f);
    if (v === '') return null;
    const d = parseExportDate(v);
    if (!d) problem(f, `wrong date format "${v.slice(0, 40)}": expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC unless a zone is given)`);
    return d ?? null;
  };

  const externalId = need('externalId', 'dispute id').slice(0, 200);
  const createdAt = date('createdAt', 'date', true);
  const dueBy = date('dueBy', 'date', false);
  const currency = need('currency', 'currency').toUpperCase();
  if (currency !== '' && !isKnownCurrency(currency)) problem('currency', `unknown currency "${currency.slice(0, 10)}"`);
  let amountMinor: number | null = null;
  const amountText = cell('amount');
  if (amountText === '') problem('amount', 'missing amount');
  else if (currency !== '' && isKnownCurrency(currency)) {
    const amount = parseMajorAmount(amountText, currency);
    if (amount.ok) amountMinor = amount.minor;
    else problem('amount', amount.message);
  }

  let source: ProcessorSource = map.format === 'alerts' ? 'ethoca' : map.format;
  let stage: DisputeStage = 'chargeback';
  let status: DisputeStatus = 'open';
  let reasonHint: DisputeReason | null = null;
  let reversal = false;
  let reasonText = cell('reason') || null;
  switch (map.format) {
    case 'stripe': {
      const s = (STRIPE_STATUS as Record<string, (typeof STRIPE_STATUS)[keyof typeof STRIPE_STATUS] | undefined>)[word(need('status', 'status'))];
      if (!s && cell('status') !== '') problem('status', `unknown Stripe status "${cell('status').slice(0, 40)}"`);
      if (s) ({ stage, status } = s);
      reasonHint = STRIPE_REASONS[word(cell('reason'))] ?? null;
      break;
    }
    case 'adyen': {
      const code = need('recordType', 'record type')
        .toUpperCase()
        .replace(/[^A-Z]/g, '');
      const key = Object.keys(ADYEN_DISPUTE_EVENTS).find((k) => k.replace(/_/g, '') === code);
      if (!key && code !== '') problem('recordType', `unknown record type "${cell('recordType').slice(0, 40)}"`);
      if (key) {
        const rule = ADYEN_DISPUTE_EVENTS[key]!;
        stage = rule.stage;
        status = rule.status;
        reversal = rule.reversal === true;
        if (key === 'NOTIFICATION_OF_FRAUD') reasonHint = 'fraud_card_absent';
      }
      break;
    }
    case 'paypal': {
      const type = cell('caseType');
      stage = PAYPAL_STAGE[word(type)] ?? 'chargeback';
      if (type !== '' && !PAYPAL_STAGE[word(type)]) problem('caseType', `unknown case type "${type.slice(0, 40)}"`);
      const st = PAYPAL_STATUS[word(need('status', 'status'))];
      if (!st && cell('status') !== '') problem('status', `unknown case status "${cell('status').slice(0, 40)}"`);
      if (st) status = st;
      reasonHint = PAYPAL_REASONS[word(cell('reason'))] ?? null;
      break;
    }
    case 'alerts': {
      const provider = ALERT_PROVIDERS[word(need('provider', 'provider'))];
      if (!provider && cell('provider') !== '') problem('provider', `unknown provider "${cell('provider').slice(0, 40)}" (ethoca, verifi, cdrn or rdr)`);
      if (provider) source = provider;
      stage = 'alert';
      const outcome = ALERT_OUTCOME[word(cell('outcome'))];
      if (outcome === undefined) problem('outcome', `unknown outcome "${cell('outcome').slice(0, 40)}"`);
      else status = outcome;
      const type = word(cell('alertType'));
      if (type.includes('fraud')) reasonHint = 'fraud_card_absent';
      reasonText = cell('alertType') || null;
      break;
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const network = networkOfBrand(cell('network'));
  const reasonCode = cell('reasonCode') || null;
  const at = createdAt!;
  const eventId = `import:${source}:${externalId}:${stage}:${status}`;
  return {
    ok: true,
    row: {
      row: record.row,
      event: {
        source,
        eventId,
        externalId,
        paymentRef: cell('paymentRef') || null,
        orderRef: cell('orderRef') || null,
        email: cell('email') || null,
        buyerName: null,
        stage,
        status,
        keepState: false,
        reversal,
        processorStatus: (cell('status') || cell('recordType') || cell('outcome') || 'imported').slice(0, 200),
        network,
        reasonCode,
        reasonText,
        reasonHint,
        amount: { amountMinor: amountMinor!, currency },
        filedAt: at,
        eventAt: at,
        dueBy,
        summary: `${map.format === 'alerts' ? `${source} alert` : source} (CSV import): ${stage.replace('_', '-')} ${status}${reasonText ? `, ${reasonText.slice(0, 100)}` : ''}`,
        details: { imported: true, importedAt: now.toISOString() },
      },
    },
  };
}

/**
 * The rows of a file, checked: duplicated rows (the same dispute, stage and status twice) are
 * problems naming the earlier row.
 */
export async function readImportRows(
  map: ColumnMap,
  records: CsvRecord[],
  now: Date,
  pause?: () => Promise<void>,
  /** Rows between two pauses. */
  sliceRows = 2000,
): Promise<{ rows: ImportRow[]; problems: RowProblem[] }> {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    if (pause && i > 0 && i % sliceRows === 0) await pause();
    const read = readImportRow(map, record, now);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const earlier = seen.get(read.row.event.eventId);
    if (earlier !== undefined) {
      problems.push({ row: record.row, column: map.names.externalId ?? 'id', message: `duplicated row: the same dispute, stage and status as row ${earlier}` });
      continue;
    }
    seen.set(read.row.event.eventId, record.row);
    rows.push(read.row);
  }
  return { rows, problems };
}
