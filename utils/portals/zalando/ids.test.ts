import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findOrderNumber, findUuid, isOrderNumber, isUuid, orderUuidOfHref } from './ids';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const orderNumber = digits(16, 16);
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
/** Text around an id; the tests join it with a space, so it never extends the id. */
const filler = fc.string({ unit: fc.constantFrom(' ', '·', ':', '(', ')', '/', '#', 'Order ', 'Bestellnummer: ', '\n'), maxLength: 6 });

describe('zDirect order number recogniser', () => {
  test('finds a 16-digit order number wherever the page prints it', () => {
    fc.assert(
      fc.property(filler, orderNumber, filler, (before, n, after) => {
        expect(findOrderNumber(`${before} ${n} ${after}`)).toBe(n);
        expect(findOrderNumber(n)).toBe(n);
        expect(isOrderNumber(n)).toBe(true);
      }),
    );
  });

  test('never takes other digit runs: customer numbers, EANs, parcel numbers', () => {
    const other = fc.oneof(digits(1, 15), digits(17, 30));
    fc.assert(
      fc.property(filler, other, filler, (before, run, after) => {
        expect(findOrderNumber(`${before} ${run} ${after}`)).toBeUndefined();
        expect(isOrderNumber(run)).toBe(false);
      }),
    );
  });

  test('the first order number wins, and one glued to letters or a UUID part is not one', () => {
    fc.assert(
      fc.property(orderNumber, orderNumber, (a, b) => {
        expect(findOrderNumber(`Order ${a} · see also ${b}`)).toBe(a);
        expect(findOrderNumber(`SKU${a}`)).toBeUndefined();
        expect(findOrderNumber(`${a}x`)).toBeUndefined();
      }),
    );
  });
});

describe('zDirect UUID recogniser', () => {
  test('finds a UUID in text and URLs, lower-cased, whatever its case', () => {
    fc.assert(
      fc.property(filler, uuid, filler, (before, id, after) => {
        expect(findUuid(`${before} ${id} ${after}`)).toBe(id.toLowerCase());
        expect(findUuid(`https://zdirect.zalando.com/orders/${id}?tab=1`)).toBe(id.toLowerCase());
        expect(isUuid(id)).toBe(true);
      }),
    );
  });

  test('a UUID with a group too long or too short is not one', () => {
    fc.assert(
      fc.property(uuid, hex(1), (id, extra) => {
        expect(isUuid(id + extra)).toBe(false);
        expect(findUuid(id + extra)).toBeUndefined();
        expect(isUuid(id.slice(1))).toBe(false);
      }),
    );
  });

  test('an order link gives the order UUID; a return or a request link does not', () => {
    fc.assert(
      fc.property(uuid, fc.constantFrom('/orders/', '/order-management/orders/'), (id, prefix) => {
        expect(orderUuidOfHref(`${prefix}${id}`)).toBe(id.toLowerCase());
        expect(orderUuidOfHref(`/orders?status=approved&selected=${id}`)).toBe(id.toLowerCase());
        expect(orderUuidOfHref(`/app/fulfillment/details?id=${id}`)).toBe(id.toLowerCase());
        expect(orderUuidOfHref(`/returns/${id}`)).toBeUndefined();
        expect(orderUuidOfHref(`/customer-care/requests/${id}`)).toBeUndefined();
      }),
    );
  });

  test('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(() => [findUuid(text), findOrderNumber(text), orderUuidOfHref(text)]).not.toThrow();
      }),
    );
  });
});
