import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, validateMatrix, withNewIndicators } from './matrix';

const clone = () => structuredClone(DEFAULT_MATRIX) as unknown as Record<string, any>;

describe('validateMatrix', () => {
  it('accepts the default matrix', () => {
    const result = validateMatrix(DEFAULT_MATRIX);
    expect(result.ok).toBe(true);
  });

  it('names thresholds in the wrong order', () => {
    const m = clone();
    m.thresholds = { review: 90, hold: 85 };
    expect(validateMatrix(m)).toEqual({
      ok: false,
      errors: [{ path: 'thresholds.review', message: 'thresholds.review (90) must be below thresholds.hold (85)' }],
    });
  });

  it('names a weight out of range with its path', () => {
    const m = clone();
    m.indicators.po_box.weight = 150;
    const result = validateMatrix(m);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe('indicators.po_box.weight');
    expect(result.errors[0]?.message).toMatch(/^indicators\.po_box\.weight: .*100/);
  });

  it('names a missing indicator, an unknown field and a bad force', () => {
    const m = clone();
    delete m.indicators.odd_hour;
    m.indicators.po_box.forces = 'block';
    m.extra = true;
    const result = validateMatrix(m);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain('indicators.odd_hour');
    expect(paths).toContain('indicators.po_box.forces');
    expect(result.errors.find((e) => e.path === '')?.message).toBe('matrix: unknown field extra');
    expect(result.errors.find((e) => e.path === 'indicators.odd_hour')?.message).toMatch(/indicators\.odd_hour is required/);
  });

  it('rejects a bad currency, a zero threshold and a matrix with nothing enabled', () => {
    const bad = clone();
    bad.parameters.newBuyer.amountThresholdsMinor = { euro: 100 };
    expect(validateMatrix(bad).ok).toBe(false);

    const zero = clone();
    zero.parameters.newBuyer.amountThresholdsMinor.EUR = 0;
    const zeroResult = validateMatrix(zero);
    expect(zeroResult.ok === false && zeroResult.errors[0]?.path).toBe('parameters.newBuyer.amountThresholdsMinor.EUR');

    const off = clone();
    for (const rule of Object.values(off.indicators) as { enabled: boolean }[]) rule.enabled = false;
    const offResult = validateMatrix(off);
    expect(offResult.ok === false && offResult.errors[0]?.message).toBe('indicators: at least one indicator must be enabled');
  });

  it('tells a wrong type from a missing field', () => {
    const m = clone();
    m.thresholds.review = 'sixty';
    const result = validateMatrix(m);
    expect(result.ok === false && result.errors[0]).toEqual({
      path: 'thresholds.review',
      message: 'thresholds.review: Invalid input: expected number, received string',
    });
  });

  it('never throws on garbage', () => {
    for (const junk of [null, 42, 'matrix', [], {}]) {
      const result = validateMatrix(junk);
      expect(result.ok).toBe(false);
    }
  });
});

describe('a stored matrix saved before an indicator existed', () => {
  it("keeps the lead's weights and gives the new indicator its default rule", () => {
    const saved = structuredClone(DEFAULT_MATRIX) as unknown as { indicators: Record<string, { weight: number }> };
    saved.indicators.po_box!.weight = 33;
    delete saved.indicators.prior_fraud_flags;
    expect(validateMatrix(saved).ok).toBe(false);
    const result = validateMatrix(withNewIndicators(saved));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.matrix.indicators.po_box.weight).toBe(33);
    expect(result.matrix.indicators.prior_fraud_flags).toEqual(DEFAULT_MATRIX.indicators.prior_fraud_flags);
  });
});
