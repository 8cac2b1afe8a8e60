import fc from 'fast-check';
import { defOf, leafOf, unwrap, type AnySchema } from './zod-walk';

/**
 * fast-check arbitraries for requests, generated from the routes' zod schemas: mostly values of the
 * right shape (so requests get past validation and into the services and the database), and now and
 * then a hostile one in their place (NUL, lone surrogates, huge numbers, year 0 and 9999, over-long
 * strings, wrong types).
 */

const HOSTILE_STRINGS = [
  '\u0000',
  'note with a NUL \u0000 inside',
  'lone high \uD800 surrogate',
  'lone low \uDC00 surrogate',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1999-12-31T23:59:59Z',
  '',
  ' ',
  '<script>alert(1)</script>',
  "'; drop table events; --",
  '../../etc/passwd',
  '%00',
  '💥'.repeat(40),
];
const HOSTILE_NUMBERS = [2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1, 0, 0.5, 1e-9];

/** A value of the wrong kind or out of every range, for any position. */
export function hostileValue(maxLength?: number): fc.Arbitrary<unknown> {
  const overLong = maxLength !== undefined && Number.isFinite(maxLength) ? [fc.constant('x'.repeat(maxLength + 1))] : [];
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.constantFrom(null, true, [], {}, [null], { nested: '\u0000' }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    ...overLong,
  );
}

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-12-31T00:00:00Z');

function stringOf(schema: AnySchema): fc.Arbitrary<string> {
  const leaf = leafOf(schema, '', '')!;
  const def = defOf(schema);
  const checks = (def.checks as { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[] | undefined) ?? [];
  const pattern = checks.map((c) => c._zod.def).find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  if (leaf.format === 'uuid') return fc.uuid({ version: 4 });
  if (leaf.format === 'datetime') return fc.integer({ min: EARLIEST, max: LATEST }).map((t) => new Date(t).toISOString());
  if (leaf.format === 'email') return fc.emailAddress();
  if (leaf.format === 'url') return fc.webUrl();
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= leaf.min && s.length <= leaf.max);
  const max = Math.min(leaf.max, 40);
  return fc.string({ minLength: Math.min(leaf.min, max), maxLength: Math.max(max, Math.min(leaf.min, max)) }).filter((s) => s.trim().length >= leaf.min);
}

function numberOf(schema: AnySchema): fc.Arbitrary<number> {
  const leaf = leafOf(schema, '', '')!;
  const min = Math.max(leaf.min, -1_000_000);
  const max = Math.min(leaf.max, 1_000_000);
  return leaf.integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max: Math.max(min, max), noNaN: true });
}

/** Values for `schema`; `hostileWeight` (of 100) is how often a position gets a hostile value instead. */
export function arbitraryOf(schema: AnySchema, hostileWeight = 4, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedOf(schema, hostileWeight, depth);
  if (hostileWeight === 0) return shaped;
  const leaf = leafOf(unwrap(schema).schema, '', '');
  return fc.oneof(
    { arbitrary: shaped, weight: 100 - hostileWeight },
    { arbitrary: hostileValue(leaf?.kind === 'string' ? leaf.max : undefined), weight: hostileWeight },
  );
}

function shapedOf(schema: AnySchema, hostileWeight: number, depth: number): fc.Arbitrary<unknown> {
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  const child = (s: AnySchema) => arbitraryOf(s, hostileWeight, depth + 1);
  switch (def.type) {
    case 'string':
      return stringOf(inner);
    case 'number':
      return numberOf(inner);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const required = Object.keys(shape).filter((key) => !unwrap(shape[key]!).optional);
      const record = fc.record(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, child(s)])), { requiredKeys: required });
      return depth > 6 ? fc.constant({}) : record;
    }
    case 'array':
      return depth > 6 ? fc.constant([]) : fc.array(child(def.element as AnySchema), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map(child));
    case 'intersection':
      return fc.tuple(child(def.left as AnySchema), child(def.right as AnySchema)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), child(def.valueType as AnySchema), { maxKeys: 3 });
    case 'tuple':
      return fc.tuple(...(def.items as AnySchema[]).map(child));
    default:
      // unknown, any and the rest: any small JSON value.
      return fc.jsonValue({ maxDepth: 2 });
  }
}
