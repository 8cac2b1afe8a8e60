import { parseAddressLines } from '../../parse/address';
import { countryFromText } from '../../parse/countries';
import type { Address, Money, OrderItem } from '../../schemas';
import { deepText } from '../deep-dom';
import { textLines } from '../dom';
import { HOOKS, INCIDENT_STATES, LABELS, LINE_STATES, ORDER_STATES, ROLES } from './labels';
import { MiraklReader, stateOf } from './read';

/** Order lines, the shipping address and the incident in focus, read by their labels and table headers. */

const LINE_STATE_LABELS = { ...ORDER_STATES, ...LINE_STATES };

export function readItems(reader: MiraklReader, required: boolean): OrderItem[] {
  return (
    reader.read(
      'items',
      {
        label: () => {
          const rows = reader.rows().filter((r) => MiraklReader.cell(r, LABELS.product) && MiraklReader.cell(r, LABELS.quantity));
          return rows.flatMap((row): OrderItem[] => {
            const text = (labels: readonly string[]) => {
              const cell = MiraklReader.cell(row, labels);
              return cell ? deepText(cell) : undefined;
            };
            const quantity = Number.parseInt(text(LABELS.quantity) ?? '', 10);
            if (!Number.isFinite(quantity)) return [];
            const unitPrice = reader.money(text(LABELS.unitPrice));
            const status = stateOf(LINE_STATE_LABELS, text(LABELS.status));
            return [{ title: text(LABELS.product), sku: text(LABELS.sku), quantity, ...(unitPrice ? { unitPrice } : {}), ...(status ? { status } : {}) }];
          });
        },
      },
      { required },
    ) ?? []
  );
}

export function readShipTo(reader: MiraklReader): Address | undefined {
  const block = reader.read('shipTo', {
    hook: () => reader.hookElement(HOOKS.shippingAddress) ?? undefined,
    label: () => reader.labelValueElements(LABELS.shippingAddress)[0],
  });
  if (block) {
    const lines = textLines(block);
    return lines.length ? parseAddressLines(lines) : undefined;
  }
  const country = reader.read('shipTo.country', { label: () => reader.labelValues(LABELS.deliveryCountry).map(countryFromText).find(Boolean) });
  return country ? { lines: [], country } : undefined;
}

export interface IncidentFields {
  state?: keyof typeof INCIDENT_STATES;
  reason?: string;
  openedAt?: string;
  openedBy?: 'CUSTOMER' | 'OPERATOR';
  line?: OrderItem;
  amount?: Money;
}

/** "Cafetière à piston 1 L, inox (ESJ-CAF-1L) × 1 · 39,90 €": the line an incident is about. */
const INCIDENT_LINE = /^(.+?)\s*\(([^()]+)\)\s*[×x]\s*(\d+)(?:\s*[·•|]\s*(.+))?$/;

export function readIncident(reader: MiraklReader): IncidentFields {
  const values = (labels: readonly string[]) => [...reader.columnValues(labels), ...reader.labelValues(labels)];
  const state = reader.read(
    'claim.status',
    {
      hook: () => stateOf(INCIDENT_STATES, reader.hook(HOOKS.incidentState)),
      label: () =>
        values(LABELS.status)
          .map((v) => stateOf(INCIDENT_STATES, v))
          .find(Boolean),
    },
    { required: true },
  );
  const reason = reader.read(
    'claim.reason',
    { hook: () => reader.hook(HOOKS.incidentReason), label: () => values(LABELS.incidentReason)[0] },
    { required: true },
  );
  const openedAt = reader.read('claim.filedAt', {
    label: () =>
      values(LABELS.incidentOpened)
        .map((v) => reader.instant(v))
        .find(Boolean),
  });
  const by = stateOf(ROLES, values(LABELS.incidentOpenedBy)[0]);
  const lineText = reader.labelValues(LABELS.incidentLine)[0];
  const m = lineText ? INCIDENT_LINE.exec(lineText) : null;
  let line: OrderItem | undefined;
  let lineAmount: Money | undefined;
  if (m) {
    const quantity = Number.parseInt(m[3]!, 10);
    lineAmount = reader.money(m[4]);
    const status = stateOf(LINE_STATE_LABELS, reader.labelValues(LABELS.incidentLineState)[0]);
    const unitPrice = lineAmount && quantity > 0 ? { ...lineAmount, amountMinor: Math.round(lineAmount.amountMinor / quantity) } : undefined;
    line = { title: m[1]!.trim(), sku: m[2]!.trim(), quantity, ...(unitPrice ? { unitPrice } : {}), ...(status ? { status } : {}) };
    reader.found('claim.line', 'label');
  }
  const amount =
    reader
      .columnValues(LABELS.incidentAmount)
      .map((v) => reader.money(v))
      .find(Boolean) ?? lineAmount;
  return { state, reason, openedAt, openedBy: by === 'SHOP' ? undefined : by, line, amount };
}
