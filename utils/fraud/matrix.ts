import { FraudMatrix, type FraudIndicatorId, type IndicatorRule } from '../schemas/fraud';
import { describeIssue, type ValidationError } from './validation-errors';

export type MatrixError = ValidationError;
export type MatrixValidation = { ok: true; matrix: FraudMatrix } | { ok: false; errors: MatrixError[] };

/**
 * Checks a matrix a lead uploaded or edited. Never throws: every problem comes back with the path of
 * the field and a sentence that names it, so the options page can show them beside the fields.
 */
export function validateMatrix(json: unknown): MatrixValidation {
  const parsed = FraudMatrix.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(issue, 'matrix')) };
  const matrix = parsed.data;
  const errors: MatrixError[] = [];
  const { review, hold } = matrix.thresholds;
  if (review >= hold) {
    errors.push({ path: 'thresholds.review', message: `thresholds.review (${review}) must be below thresholds.hold (${hold})` });
  }
  for (const [currency, amount] of Object.entries(matrix.parameters.newBuyer.amountThresholdsMinor)) {
    if (amount === 0) {
      errors.push({
        path: `parameters.newBuyer.amountThresholdsMinor.${currency}`,
        message: `parameters.newBuyer.amountThresholdsMinor.${currency} is 0: every new buyer's order would count as high value`,
      });
    }
  }
  const anyEnabled = Object.values(matrix.indicators).some((rule) => rule.enabled);
  if (!anyEnabled) errors.push({ path: 'indicators', message: 'indicators: at least one indicator must be enabled' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, matrix };
}

const rule = (weight: number, scope: IndicatorRule['scope'], forces?: IndicatorRule['forces']): IndicatorRule =>
  forces ? { weight, enabled: true, scope, forces } : { weight, enabled: true, scope };

/**
 * A starting point for a marketplace seller. Weights are chosen so that one ordinary signal (a pack
 * station, an odd hour) never holds an order alone, two strong ones reach review, and a new buyer
 * sending high-demand goods to a forwarder reaches hold. A previous fraud flag holds outright.
 */
export const DEFAULT_INDICATORS: Record<FraudIndicatorId, IndicatorRule> = {
  billing_shipping_mismatch: rule(20, 'card'),
  forwarder_address: rule(45, 'both'),
  po_box: rule(20, 'both'),
  pack_station: rule(10, 'both'),
  // The seller carries the loss when shipping to a changed address, even on marketplace orders.
  address_changed: rule(35, 'both'),
  new_buyer_high_value: rule(40, 'both'),
  velocity_address: rule(30, 'both'),
  velocity_name: rule(15, 'both'),
  velocity_phone: rule(20, 'both'),
  shared_address: rule(30, 'both'),
  odd_hour: rule(10, 'card'),
  expedited_shipping: rule(15, 'both'),
  disposable_email: rule(25, 'both'),
  prior_claims: rule(20, 'abuse'),
  prior_returns: rule(15, 'abuse'),
  prior_chargebacks: rule(35, 'both'),
  prior_fraud_flags: rule(50, 'both', 'hold'),
  // The portal's own analysis (Shopify's fraud analysis): its card checks and network data we cannot see.
  portal_risk_high: rule(40, 'both'),
  portal_risk_medium: rule(15, 'both'),
};

export const DEFAULT_MATRIX: FraudMatrix = {
  version: 1,
  indicators: DEFAULT_INDICATORS,
  thresholds: { review: 60, hold: 85 },
  parameters: {
    velocity: { windowHours: 24, addressCount: 3, nameCount: 3, phoneCount: 3 },
    sharedAddressBuyerCount: 3,
    oddHours: { start: 1, end: 5 },
    highDemand: {
      asins: [],
      skus: [],
      keywords: [
        'iphone',
        'ipad',
        'macbook',
        'airpods',
        'apple watch',
        'playstation',
        'ps5',
        'xbox',
        'nintendo switch',
        'steam deck',
        'graphics card',
        'grafikkarte',
        'carte graphique',
        'tarjeta grafica',
        'scheda video',
        'rtx',
        'gift card',
        'geschenkkarte',
        'gutschein',
        'carte cadeau',
        'tarjeta regalo',
        'carta regalo',
        'samsung galaxy',
        'google pixel',
        'gopro',
        'dyson',
        'rolex',
        'yeezy',
        'dji',
      ],
    },
    newBuyer: {
      maxPriorOrders: 0,
      amountThresholdsMinor: {
        EUR: 30_000,
        USD: 35_000,
        GBP: 25_000,
        CAD: 45_000,
        CHF: 30_000,
        SEK: 350_000,
        PLN: 130_000,
        JPY: 50_000,
        AUD: 50_000,
        MXN: 600_000,
        BRL: 180_000,
        INR: 2_500_000,
        AED: 120_000,
        SAR: 120_000,
      },
      requireHighDemand: true,
    },
    expeditedServiceKeywords: [
      'expedited',
      'express',
      'next day',
      'nextday',
      'second day',
      'secondday',
      'same day',
      'sameday',
      'overnight',
      'priority',
      'one-day',
      '1-day',
      'premium',
      'expressversand',
      'prioritaire',
      'urgente',
      'espresso',
      'urgent',
    ],
    disposableEmailDomains: [
      'mailinator.com',
      'guerrillamail.com',
      'guerrillamail.de',
      'sharklasers.com',
      '10minutemail.com',
      'temp-mail.org',
      'tempmail.net',
      'yopmail.com',
      'yopmail.fr',
      'trashmail.com',
      'trash-mail.com',
      'wegwerfmail.de',
      'einrot.com',
      'getnada.com',
      'dispostable.com',
      'maildrop.cc',
      'throwawaymail.com',
      'fakeinbox.com',
      'mailnesia.com',
      'mohmal.com',
      'emailondeck.com',
      'spamgourmet.com',
      'mytemp.email',
      'burnermail.io',
      'moakt.com',
      'tempr.email',
      'discard.email',
      'mintemail.com',
      'spambog.com',
      'jetable.org',
    ],
    historyMinimums: { claims: 1, returns: 3, chargebacks: 1, fraudFlags: 1 },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored matrix saved before an indicator existed lacks it: read back, it takes its default rule, and the
 * lead's own weights for every other indicator stand (rather than the whole matrix failing and the team
 * silently scoring on defaults). A matrix a lead sends must still name every indicator.
 */
export function withNewIndicators(json: unknown): unknown {
  if (!isObject(json) || !isObject(json.indicators)) return json;
  return { ...json, indicators: { ...DEFAULT_INDICATORS, ...json.indicators } };
}
