import type { z } from 'zod';

/**
 * A small reader of the zod 4 schema kinds the routes use, for the tests that walk every route: the
 * limit checks compare request leaves with response leaves, the fuzz test generates requests from them.
 */

export type AnySchema = z.ZodType;

interface Def {
  type: string;
  [key: string]: unknown;
}

export const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change what a value may be (optional, default, readonly ...): their inner schema. */
export function unwrap(schema: AnySchema): { schema: AnySchema; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      if (def.type !== 'nullable' && def.type !== 'nonoptional') optional = true;
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      // A request is validated by the input side; a transform's output is never sent.
      current = def.in as AnySchema;
    } else if (def.type === 'lazy') {
      current = (def.getter as () => AnySchema)();
    } else {
      return { schema: current, optional };
    }
  }
}

/** A string or number leaf and where it sits ("context.chargeback.id", "items[].title"). */
export interface Leaf {
  path: string;
  name: string;
  kind: 'string' | 'number' | 'enum';
  /** Longest string (a format's inherent length when it has one) or largest number; Infinity when unbounded. */
  max: number;
  /** Smallest number; -Infinity when unbounded (strings: 0). */
  min: number;
  integer: boolean;
  format?: string;
  values?: readonly unknown[];
}

/** Inherent longest lengths of the string formats used here. */
const FORMAT_MAX: Record<string, number> = { uuid: 36, datetime: 35, date: 10 };

export function leafOf(schema: AnySchema, path: string, name: string): Leaf | undefined {
  const def = defOf(schema);
  if (def.type === 'string') {
    const s = schema as z.ZodString;
    const format = def.format as string | undefined;
    const declared = s.maxLength ?? Infinity;
    return {
      path,
      name,
      kind: 'string',
      max: Math.min(declared, format ? (FORMAT_MAX[format] ?? Infinity) : Infinity),
      min: s.minLength ?? 0,
      integer: false,
      ...(format ? { format } : {}),
    };
  }
  if (def.type === 'number') {
    const n = schema as z.ZodNumber;
    return { path, name, kind: 'number', max: n.maxValue ?? Infinity, min: n.minValue ?? -Infinity, integer: n.isInt ?? false };
  }
  if (def.type === 'enum' || def.type === 'literal') {
    const values = def.type === 'enum' ? Object.values(def.entries as Record<string, unknown>) : (def.values as unknown[]);
    const lengths = values.map((v) => String(v).length);
    return { path, name, kind: 'enum', max: Math.max(...lengths), min: 0, integer: false, values };
  }
  return undefined;
}

/** Every string, number and enum leaf of a schema, through objects, arrays, unions and records. */
export function leavesOf(schema: AnySchema, path = '', name = '', seen = new Set<AnySchema>()): Leaf[] {
  const inner = unwrap(schema).schema;
  if (seen.has(inner)) return [];
  const def = defOf(inner);
  const leaf = leafOf(inner, path, name);
  if (leaf) return [leaf];
  const join = (key: string) => (path ? `${path}.${key}` : key);
  const next = new Set(seen).add(inner);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, AnySchema>).flatMap(([key, child]) => leavesOf(child, join(key), key, next));
    case 'array':
      return leavesOf(def.element as AnySchema, `${path}[]`, name, next);
    case 'union':
      return (def.options as AnySchema[]).flatMap((option) => leavesOf(option, path, name, next));
    case 'intersection':
      return [...leavesOf(def.left as AnySchema, path, name, next), ...leavesOf(def.right as AnySchema, path, name, next)];
    case 'record':
      return leavesOf(def.valueType as AnySchema, join('*'), name, next);
    case 'tuple':
      return (def.items as AnySchema[]).flatMap((item, i) => leavesOf(item, join(String(i)), name, next));
    default:
      return [];
  }
}
