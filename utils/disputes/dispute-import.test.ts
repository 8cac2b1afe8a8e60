import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { detectFormat, parseExportDate, parseMajorAmount, readImportRows, type ColumnMap } from './dispute-import';

const NOW = new Date('2026-12-01T00:00:00Z');

async function read(text: string) {
  const { header, records } = await parseCsv(text, { maxRows: 1000 });
  const detected = detectFormat(header.cells);
  if (!detected.ok) throw new Error(detected.message);
  return { format: detected.map.format, ...(await readImportRows(detected.map, records, NOW)) };
}

describe('dispute exports', () => {
  it('recognises each export by its header', async () => {
    const stripe = await read(
      'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID,Evidence Due By (UTC),Order ID (metadata)\ndp_1,2026-11-02 14:20,49.99,eur,needs_response,fraudulent,ch_1,2026-11-20 23:59,SHOP-1\n',
    );
    expect(stripe.format).toBe('stripe');
    expect(stripe.problems).toEqual([]);
    expect(stripe.rows[0]!.event).toMatchObject({
      source: 'stripe',
      externalId: 'dp_1',
      stage: 'chargeback',
      status: 'open',
      reasonHint: 'fraud_card_absent',
      paymentRef: 'ch_1',
      orderRef: 'SHOP-1',
      amount: { amountMinor: 4999, currency: 'EUR' },
    });
    expect(stripe.rows[0]!.event.dueBy?.toISOString()).toBe('2026-11-20T23:59:00.000Z');

    const adyen = await read(
      'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,Reason Code\nCo,Shop,PAY1,SHOP-2,mc,2026-11-03 10:00:00,EUR,-120.00,Chargeback,DISP1,No authorisation,4808\n',
    );
    expect(adyen.format).toBe('adyen');
    expect(adyen.rows[0]!.event).toMatchObject({
      source: 'adyen',
      externalId: 'DISP1',
      paymentRef: 'PAY1',
      network: 'mastercard',
      reasonCode: '4808',
      stage: 'chargeback',
      amount: { amountMinor: 12000, currency: 'EUR' },
    });

    const paypal = await read(
      'Case ID,Case type,Case status,Reason,Transaction ID,Invoice ID,Disputed amount,Currency,Case filing date,Seller response due date\nPP-D-1,Claim,WAITING_FOR_SELLER_RESPONSE,MERCHANDISE_OR_SERVICE_NOT_RECEIVED,TX1,SHOP-3,"1,050.00",USD,2026-11-04,2026-11-14\n',
    );
    expect(paypal.format).toBe('paypal');
    expect(paypal.rows[0]!.event).toMatchObject({
      source: 'paypal',
      stage: 'chargeback',
      status: 'open',
      reasonHint: 'not_received',
      amount: { amountMinor: 105000, currency: 'USD' },
    });

    const alerts = await read(
      'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome\nE-1,ethoca,CONFIRMEDFRAUD,2026-11-05T08:00:00Z,19.90,GBP,SHOP-4,mastercard,,\nV-1,rdr,dispute,2026-11-05 09:00,5000,JPY,SHOP-5,visa,2026-11-08 09:00,resolved\n',
    );
    expect(alerts.format).toBe('alerts');
    expect(alerts.rows.map((r) => [r.event.source, r.event.stage, r.event.status, r.event.amount])).toEqual([
      ['ethoca', 'alert', 'open', { amountMinor: 1990, currency: 'GBP' }],
      ['verifi', 'alert', 'refunded', { amountMinor: 5000, currency: 'JPY' }],
    ]);
  });

  it('refuses an unknown header, naming the closest format and what it lacks', async () => {
    const result = detectFormat(['alert_id', 'provider', 'amount']);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain('Closest: alerts');
    expect(!result.ok && result.message).toContain('created_at');
  });

  it('names each bad row and column: date format, missing amount, unknown currency, duplicated row', async () => {
    const { rows, problems } = await read(
      [
        'id,Created (UTC),Amount,Currency,Status,Reason,Charge ID',
        'dp_1,02/11/2026,10.00,EUR,needs_response,general,ch_1',
        'dp_2,2026-11-02,,EUR,needs_response,general,ch_2',
        'dp_3,2026-11-02,10.00,EUX,needs_response,general,ch_3',
        'dp_4,2026-11-02,10.00,EUR,needs_response,general,ch_4',
        'dp_4,2026-11-02,10.00,EUR,needs_response,general,ch_4',
        'dp_5,2026-02-30,10.00,EUR,needs_response,general,ch_5',
        'dp_6,2026-11-02,10.001,EUR,maybe,general,ch_6',
      ].join('\n'),
    );
    expect(rows.map((r) => r.event.externalId)).toEqual(['dp_4']);
    expect(problems).toEqual([
      { row: 2, column: 'Created (UTC)', message: expect.stringContaining('wrong date format "02/11/2026"') },
      { row: 3, column: 'Amount', message: 'missing amount' },
      { row: 4, column: 'Currency', message: 'unknown currency "EUX"' },
      { row: 6, column: 'id', message: 'duplicated row: the same dispute, stage and status as row 5' },
      { row: 7, column: 'Created (UTC)', message: expect.stringContaining('wrong date format') },
      { row: 8, column: 'Amount', message: expect.stringContaining('more decimals than EUR allows') },
      { row: 8, column: 'Status', message: 'unknown Stripe status "maybe"' },
    ]);
  });

  it('reads amounts in minor units exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom('EUR', 'JPY', 'KWD'), fc.boolean(), (minor, currency, grouped) => {
        const decimals = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
        const whole = Math.floor(minor / 10 ** decimals).toString();
        const fraction = decimals ? (minor % 10 ** decimals).toString().padStart(decimals, '0') : '';
        const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
        const text = decimals ? `${wholeText}.${fraction}` : wholeText;
        // A lone group separator ("1,234" in JPY) is the one ambiguous case; it reads as grouping.
        expect(parseMajorAmount(text, currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it('reads ISO dates and refuses every other shape (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        const seconds = new Date(Math.floor(d.getTime() / 1000) * 1000);
        expect(parseExportDate(iso.slice(0, 19).replace('T', ' '))).toEqual(seconds);
        expect(parseExportDate(iso)?.getTime()).toBe(d.getTime() - (d.getTime() % 1000));
        const [y, m, day] = iso.slice(0, 10).split('-');
        expect(parseExportDate(`${day}/${m}/${y}`)).toBeUndefined();
        expect(parseExportDate(`${m}/${day}/${y}`)).toBeUndefined();
      }),
    );
  });

  it('never throws on any cell content, and every problem names a real row and column (property)', async () => {
    const map: ColumnMap = (detectFormat(['alert_id', 'provider', 'alert_type', 'created_at', 'amount', 'currency', 'outcome']) as { ok: true; map: ColumnMap })
      .map;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 0, maxLength: 9 }), { maxLength: 20 }), async (cells) => {
        const records = cells.map((c, i) => ({ row: i + 2, cells: c }));
        const { rows, problems } = await readImportRows(map, records, NOW);
        for (const p of problems) {
          expect(p.row).toBeGreaterThanOrEqual(2);
          expect(['alert_id', 'provider', 'alert_type', 'created_at', 'amount', 'currency', 'outcome']).toContain(p.column);
        }
        const bad = new Set(problems.map((p) => p.row));
        for (const r of rows) expect(bad.has(r.row)).toBe(false);
        expect(rows.length + bad.size).toBe(records.length);
      }),
    );
  });
});
