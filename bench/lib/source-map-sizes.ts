import { readFileSync } from 'node:fs';

/**
 * Which source module each byte of a minified bundle came from, read from the bundle's source map
 * (CS_SOURCEMAP=1 npx wxt build). A byte belongs to the source of the mapping segment it follows;
 * bytes before a line's first segment, and the newlines, are "(unmapped)".
 * Format: https://tc39.es/ecma426/ (Base64 VLQ "mappings").
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment's VLQ fields. */
export function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`not a Base64 VLQ digit: ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export interface SourceMapJson {
  sources: string[];
  mappings: string;
}

/** Bytes of `code` per source, following `map` (UTF-16 code units per line, as source maps count columns). */
export function bytesBySource(code: string, map: SourceMapJson): Map<string, number> {
  const sizes = new Map<string, number>();
  const add = (source: string, n: number) => n > 0 && sizes.set(source, (sizes.get(source) ?? 0) + n);
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  let source = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    let col = 0;
    const starts: Array<{ col: number; source: number | null }> = [];
    for (const seg of (mapLines[l] ?? '').split(',')) {
      if (!seg) continue;
      const f = decodeSegment(seg);
      col += f[0]!;
      if (f.length >= 4) {
        source += f[1]!;
        starts.push({ col, source });
      } else {
        starts.push({ col, source: null });
      }
    }
    const first = starts[0]?.col ?? line.length;
    add('(unmapped)', Buffer.byteLength(line.slice(0, first)) + (l < lines.length - 1 ? 1 : 0));
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const end = starts[i + 1]?.col ?? line.length;
      const name = s.source === null ? '(unmapped)' : (map.sources[s.source] ?? '(unknown)');
      add(name, Buffer.byteLength(line.slice(s.col, end)));
    }
  }
  return sizes;
}

/** Groups a source path into a readable part: a package name, or a project folder/file. */
export function partOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === 'zod') return `zod/${rest.slice(1, -1).slice(-2).join('/')}`;
    return pkg;
  }
  return source.replace(/^(\.\.\/)+/, '').replace(/^\/?work\/[^/]+\/[^/]+\//, '');
}

export function bundleTable(file: string, groupBy: (source: string) => string = partOf): Array<{ part: string; bytes: number }> {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapJson;
  const grouped = new Map<string, number>();
  for (const [source, bytes] of bytesBySource(code, map)) grouped.set(groupBy(source), (grouped.get(groupBy(source)) ?? 0) + bytes);
  return [...grouped].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}
