import type { FieldTier } from '../schemas/page';

/**
 * Reading a field in tiers, best first: known hooks, then its label in the page's language, then a
 * structural cue, then the URL. Each field records the tier that found it, so the fidelity report can
 * count them and page health can show a field that fell below the tier it is expected at (its hook
 * vanished) before the field is lost altogether.
 */
export const TIER_ORDER: readonly FieldTier[] = ['hook', 'label', 'structure', 'url'];

export type TierReads<T> = Partial<Record<FieldTier, () => T | undefined>>;

export interface ReadOptions {
  /** Name it in `recognition.missing` when no tier finds it. */
  required?: boolean;
  /**
   * The tier this field is expected at on a healthy page; reading it lower is reported. Defaults to the
   * best tier offered. Fields whose hooks were designed rather than seen on the real page say `label`.
   */
  expected?: FieldTier;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The per-page log of which tier read which field, what fell lower and what is missing. */
export class FieldLog {
  readonly tiers: Record<string, FieldTier> = {};
  readonly lowerTier: string[] = [];
  readonly missing: string[] = [];

  /** Tries each tier in order; the first non-empty value wins. A throwing reader counts as not found. */
  read<T>(name: string, reads: TierReads<T>, options: ReadOptions = {}): T | undefined {
    const offered = TIER_ORDER.filter((tier) => reads[tier]);
    for (const tier of offered) {
      let value: T | undefined;
      try {
        value = reads[tier]!();
      } catch {
        value = undefined;
      }
      if (isEmpty(value)) continue;
      this.found(name, tier, options.expected ?? offered[0]);
      return value;
    }
    if (options.required) this.missing.push(name);
    return undefined;
  }

  /** Records a field found by other means (a value computed from fields already read). */
  found(name: string, tier: FieldTier, expected: FieldTier = tier): void {
    this.tiers[name] = tier;
    if (TIER_ORDER.indexOf(tier) > TIER_ORDER.indexOf(expected)) this.lowerTier.push(`${name}: ${tier}`);
  }

  /** Names a required field that could not be read. */
  miss(name: string): void {
    this.missing.push(name);
  }

  /** Reads a value that needs no tiers but must be present. */
  expect<T>(name: string, value: T | undefined): T | undefined {
    if (isEmpty(value)) this.missing.push(name);
    return value;
  }
}
