import { describe, expect, it } from 'vitest';
import { classifyAddress, describeDropPoint } from './forwarders';

const at = (lines: string[], extra: { name?: string; type?: string; city?: string } = {}) => ({ lines, ...extra });

describe('classifyAddress: freight forwarders', () => {
  it.each([
    ['MyUS', ['4299 Express Lane', 'Suite 123456 MyUS.com']],
    ['Shipito', ['c/o Shipito', '1000 Main St']],
    ['Borderlinx', ['Borderlinx Ltd', 'Unit 4']],
    ['Planet Express', ['PlanetExpress', '3800 W Main']],
    ['Stackry', ['Stackry Inc.', '45 Main Rd']],
    ['Forward2Me', ['Forward2Me Ltd, Unit 1']],
    ['Parcl', ['PARCL 1234']],
    ['Comgateway', ['ComGateway c/o 12 Industrial Rd']],
    ['Shopfans', ['Shop Fans, 5 Broad St']],
    ['Qwintry', ['Qwintry LLC']],
    ['Viabox', ['VIABOX', 'Lindenstraße 3']],
    ['Shop and Ship (Aramex)', ['Aramex Shop & Ship']],
  ])('names %s', (name, lines) => {
    expect(classifyAddress(at(lines)).forwarder).toBe(name);
  });

  it('finds a forwarder written in the recipient name', () => {
    expect(classifyAddress(at(['12 Harbour Rd'], { name: 'Ivan Petrov c/o Qwintry' })).forwarder).toBe('Qwintry');
  });

  it('recognises forwarder-style customer suite codes but not ordinary suites', () => {
    expect(classifyAddress(at(['1 Logistics Way', 'Suite 48213'])).forwarder).toBe('forwarder-style suite number');
    expect(classifyAddress(at(['1 Logistics Way', 'Ste #AB1234'])).forwarder).toBe('forwarder-style suite number');
    expect(classifyAddress(at(['200 Park Ave', 'Suite 210'])).forwarder).toBeUndefined();
  });

  it('leaves ordinary addresses alone', () => {
    for (const lines of [['Hauptstraße 5'], ['12 Parcel Street'], ['My Usual Road 4'], ['221B Baker Street'], ['Via Roma 1']]) {
      expect(classifyAddress(at(lines)), lines.join()).toEqual({});
    }
  });
});

describe('classifyAddress: PO boxes in five languages', () => {
  it.each([
    ['P.O. Box 123'],
    ['PO Box 77'],
    ['POBox 5'],
    ['Post Office Box 9'],
    ['Postfach 10 20 30'],
    ['Boîte postale 12'],
    ['BP 45'],
    ['Case postale 3'],
    ['Apartado de correos 123'],
    ['Apdo. 45'],
    ['Casella postale 22'],
    ['Postbus 100'],
  ])('%s is a PO box', (line) => {
    expect(classifyAddress(at([line])).poBox).toBe(true);
  });

  it('is not fooled by lookalikes', () => {
    expect(classifyAddress(at(['Boxhagener Str. 3'])).poBox).toBeUndefined();
    expect(classifyAddress(at(['12 Pobrook Lane'])).poBox).toBeUndefined();
    expect(classifyAddress(at(['Postplatz 1'])).poBox).toBeUndefined();
  });
});

describe('classifyAddress: pack stations and pickup points', () => {
  it.each([
    ['Packstation 123'],
    ['Postfiliale 512'],
    ['DHL Paketshop 4711'],
    ['Hermes PaketShop'],
    ['Postnummer 123456789'],
    ['Amazon Locker - Kiki'],
    ['Point Relais 0123'],
    ['Paczkomat KRA01M'],
  ])('%s is a pack station', (line) => {
    expect(classifyAddress(at([line])).packStation).toBe(true);
  });

  it('uses Zalando address types', () => {
    expect(classifyAddress(at(['Lindenstraße 3'], { type: 'PACK_STATION' })).packStation).toBe(true);
    expect(classifyAddress(at(['Lindenstraße 3'], { type: 'PICKUP_POINT' })).packStation).toBe(true);
    expect(classifyAddress(at(['Lindenstraße 3'], { type: 'HOME_ADDRESS' })).packStation).toBeUndefined();
    expect(describeDropPoint(at(['Lindenstraße 3'], { type: 'PICKUP_POINT' })).packStation).toBe('address type PICKUP_POINT');
  });

  it('does not call an ordinary street a pack station', () => {
    expect(classifyAddress(at(['Stationstraße 12'])).packStation).toBeUndefined();
  });
});
