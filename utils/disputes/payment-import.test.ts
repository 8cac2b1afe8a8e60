import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { detectPaymentFormat, looksLikeCardNumber, luhnValid, readPaymentRows, type PaymentColumns } from './payment-import';

const NOW = new Date('2026-12-01T12:00:00Z');
const LAYOUT = [
  'payment_id',
  'paid_at',
  'card_ref',
  'amount',
  'currency',
  'ip_address',
  'device_id',
  'shipping_address',
  'account_id',
  'disputed',
  'fraud_reported',
];

function columns(header: string[]): PaymentColumns {
  const detected = detectPaymentFormat(header);
  if (!detected.ok) throw new Error(detected.message);
  return detected.map;
}

/** A Luhn-valid number of `length` digits from the given leading digits. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('payments export header', () => {
  it("tells Stripe's payments export from the layout and names what a near miss lacks", () => {
    expect(columns(['id', 'Created date (UTC)', 'Amount', 'Currency', 'Status', 'Card Fingerprint', 'Customer ID']).format).toBe('stripe');
    expect(columns(LAYOUT).format).toBe('payments');
    const miss = detectPaymentFormat(['id', 'Created date (UTC)', 'Amount', 'Currency']);
    expect(miss).toMatchObject({ ok: false });
    expect(!miss.ok && miss.message).toContain('Card Fingerprint');
    // The dispute export is not a payments export.
    expect(detectPaymentFormat(['id', 'Created (UTC)', 'Amount', 'Currency', 'Status', 'Reason', 'Charge ID']).ok).toBe(false);
  });
});

describe('card numbers are never stored', () => {
  it('refuses every Luhn-valid 13 to 19 digit number, with spaces or dashes, as a card reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 12, max: 18 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })),
        fc.constantFrom('', ' ', '-'),
        async (digits, sep) => {
          const pan = withCheckDigit(digits.join(''));
          const written = pan.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
          expect(looksLikeCardNumber(written)).toBe(true);
          const { records } = await parseCsv([LAYOUT.join(','), `p1,2026-05-01,${written},,,,,,,,`].join('\n'), { maxRows: 10 });
          const read = await readPaymentRows(columns(LAYOUT), records, NOW);
          expect(read.rows).toEqual([]);
          expect(read.problems.map((p) => [p.column, p.message.includes('card number')])).toEqual([['card_ref', true]]);
        },
      ),
    );
  });

  it("takes processors' fingerprints and tokens, digits-only ones that fail Luhn's check included", () => {
    for (const ref of ['Xt5EWLLDS7FJjR1c', 'card_1NqzW2', '8415739201834567', 'M9X2Q7P0L4']) {
      expect(looksLikeCardNumber(ref), ref).toBe(luhnValid(ref) && /^\d{13,19}$/.test(ref));
    }
  });
});

describe('payments rows', () => {
  const idArb = fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/);
  const dateArb = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true }).map((d) => {
    d.setUTCMilliseconds(0);
    return d;
  });
  const ipArb = fc.oneof(fc.ipV4(), fc.ipV6());
  const addressArb = fc.constantFrom(
    'Hauptstraße 5, 10115 Berlin',
    '12 rue de la Paix, 75002 Paris',
    'Calle Mayor 1, 28013 Madrid',
    'Via Roma 10, 00184 Roma',
    '1 Main St, Springfield, "Apt 2"',
  );
  const paymentArb = fc.record({
    id: idArb,
    at: dateArb,
    card: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{7,30}$/),
    minor: fc.integer({ min: 0, max: 99_999_999 }),
    currency: fc.constantFrom('EUR', 'GBP', 'USD', 'JPY', 'PLN'),
    ip: fc.option(ipArb, { nil: undefined }),
    device: fc.option(idArb, { nil: undefined }),
    address: fc.option(addressArb, { nil: undefined }),
    disputed: fc.boolean(),
  });

  it('reads back what was written, for generated ids, dates, amounts, IPs and addresses in several languages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(paymentArb, { selector: (p) => p.id, minLength: 1, maxLength: 20 }), async (payments) => {
        const lines = payments.map((p) => {
          const decimals = p.currency === 'JPY' ? 0 : 2;
          const amount = decimals === 0 ? String(p.minor) : `${Math.floor(p.minor / 100)}.${String(p.minor % 100).padStart(2, '0')}`;
          const at = p.at.toISOString().replace('T', ' ').replace('.000Z', '');
          return [p.id, at, p.card, amount, p.currency, p.ip ?? '', p.device ?? '', quote(p.address ?? ''), '', String(p.disputed), ''].join(',');
        });
        const { records } = await parseCsv([LAYOUT.join(','), ...lines].join('\n'), { maxRows: 100 });
        const read = await readPaymentRows(columns(LAYOUT), records, NOW);
        expect(read.problems).toEqual([]);
        expect(read.rows.map((r) => r.payment)).toEqual(
          payments.map((p) => ({
            paymentId: p.id,
            format: 'payments',
            paidAt: p.at,
            cardRef: p.card,
            amountMinor: p.minor,
            currency: p.currency,
            disputed: p.disputed,
            fraudReported: false,
            ...(p.ip ? { ipAddress: p.ip } : {}),
            ...(p.device ? { deviceId: p.device } : {}),
            ...(p.address ? { shippingAddress: p.address } : {}),
          })),
        );
      }),
    );
  });

  it('names a duplicated payment, a future date and a bad flag by row and column', async () => {
    const { records } = await parseCsv(
      [
        LAYOUT.join(','),
        'p1,2026-05-01,fp_1,1.00,EUR,,,,,,',
        'p1,2026-05-02,fp_1,1.00,EUR,,,,,,',
        'p2,2027-05-01,fp_1,1.00,EUR,,,,,,',
        'p3,2026-05-01,fp_1,1.00,EUR,,,,,sometimes,',
        'p4,2026-05-01,fp_1,1.00,,,,,,,',
      ].join('\n'),
      { maxRows: 10 },
    );
    const read = await readPaymentRows(columns(LAYOUT), records, NOW);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'payment_id'],
      [4, 'paid_at'],
      [5, 'disputed'],
      [6, 'currency'],
    ]);
    expect(read.rows.map((r) => r.row)).toEqual([2]);
  });

  it("reads Stripe's columns: a disputed amount or status marks the payment disputed, a failed one is skipped, metadata gives IP and device", async () => {
    const header = [
      'id',
      'Created date (UTC)',
      'Amount',
      'Currency',
      'Status',
      'Card Fingerprint',
      'Customer ID',
      'Disputed Amount',
      'ip_address (metadata)',
      'device_id (metadata)',
      'Shipping Address Line1',
      'Shipping Address City',
    ];
    const { records } = await parseCsv(
      [
        header.join(','),
        'ch_1,2026-05-01 10:00,49.99,eur,Paid,fpA,cus_1,0.00,198.51.100.1,dev-1,Hauptstr. 5,Berlin',
        'ch_2,2026-05-02 10:00,49.99,eur,Paid,fpA,cus_1,49.99,,,,',
        'ch_3,2026-05-03 10:00,49.99,eur,Disputed,fpA,cus_1,,,,,',
        'ch_4,2026-05-04 10:00,49.99,eur,Failed,fpA,cus_1,,,,,',
      ].join('\n'),
      { maxRows: 10 },
    );
    const read = await readPaymentRows(columns(header), records, NOW);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.payment.paymentId, r.payment.disputed])).toEqual([
      ['ch_1', false],
      ['ch_2', true],
      ['ch_3', true],
    ]);
    expect(read.rows[0]!.payment).toMatchObject({
      ipAddress: '198.51.100.1',
      deviceId: 'dev-1',
      accountId: 'cus_1',
      shippingAddress: 'Hauptstr. 5, Berlin',
      amountMinor: 4999,
      currency: 'EUR',
    });
    expect(read.skips).toEqual([{ row: 5, paymentId: 'ch_4', why: 'status Failed: not a settled payment' }]);
  });
});
