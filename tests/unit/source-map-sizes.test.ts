import { describe, expect, it } from 'vitest';
import { bytesBySource, decodeSegment, partOf } from '../../bench/lib/source-map-sizes';

describe('bundle bytes by source module', () => {
  it('decodes Base64 VLQ segments (examples from the source map format)', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('SAAQ')).toEqual([9, 0, 0, 8]);
    expect(decodeSegment('D')).toEqual([-1]);
    expect(decodeSegment('gB')).toEqual([16]);
  });

  it('gives each byte to the source of the segment it follows', () => {
    // Line 0: "abcdef": bytes 0-2 from a.ts, 3-5 from b.ts. Line 1: "xy" from a.ts after an unmapped byte.
    const code = 'abcdef\n.xy';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,GCAA;CDAA' };
    const sizes = Object.fromEntries(bytesBySource(code, map));
    expect(sizes).toEqual({ 'a.ts': 3 + 2, 'b.ts': 3, '(unmapped)': 1 + 1 });
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBe(code.length);
  });

  it('groups node_modules by package and zod by folder', () => {
    expect(partOf('../../node_modules/preact/hooks/dist/hooks.mjs')).toBe('preact');
    expect(partOf('../../node_modules/@wxt-dev/storage/dist/index.mjs')).toBe('@wxt-dev/storage');
    expect(partOf('../../node_modules/zod/v4/core/schemas.js')).toBe('zod/v4/core');
    expect(partOf('../../utils/content/run.tsx')).toBe('utils/content/run.tsx');
  });
});
