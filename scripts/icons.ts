/**
 * `npx tsx scripts/icons.ts`: draws the extension's icons (assets/icon.svg's shapes) into PNGs at the
 * sizes Chrome and the Web Store use, in colour and in grey (the toolbar's signed-out state). Pure Node:
 * shapes as signed distances, 4x4 supersampling, a minimal PNG encoder over zlib. The PNGs are committed;
 * run this again after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 128] as const;

type Rgb = [number, number, number];
type Palette = { background: Rgb; ink: Rgb; tab: Rgb };

const COLOUR: Palette = { background: [0x00, 0x71, 0x85], ink: [0xff, 0xff, 0xff], tab: [0xff, 0x99, 0x00] };
const GREY: Palette = { background: [0x6e, 0x77, 0x81], ink: [0xff, 0xff, 0xff], tab: [0xb8, 0xbe, 0xc4] };

// Signed distances in the 128-unit design space (negative inside).
const roundedRect = (x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const ring = (x: number, y: number, cx: number, cy: number, r: number, width: number) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
const segment = (x: number, y: number, ax: number, ay: number, bx: number, by: number, width: number) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - width / 2;
};

/** The colour at a design-space point, or null outside the icon. */
function shade(x: number, y: number, palette: Palette): Rgb | null {
  if (roundedRect(x, y, 64, 64, 60, 60, 24) > 0) return null;
  if (roundedRect(x, y, 64, 19, 20, 5, 5) <= 0) return palette.tab;
  const clock = Math.min(ring(x, y, 64, 66, 38, 12), segment(x, y, 64, 66, 64, 42, 10), segment(x, y, 64, 66, 82, 76, 10));
  return clock <= 0 ? palette.ink : palette.background;
}

export function drawIcon(size: number, palette: Palette): Buffer {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 128;
          const y = ((py + (sy + 0.5) / samples) / size) * 128;
          const c = shade(x, y, palette);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((a / (samples * samples)) * 255);
      }
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA, 8 bits per channel, no filtering: small enough at icon sizes. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('public/icon', { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(`public/icon/${size}.png`, drawIcon(size, COLOUR));
    writeFileSync(`public/icon/grey-${size}.png`, drawIcon(size, GREY));
  }
  console.log(`wrote public/icon/{,grey-}{${ICON_SIZES.join(',')}}.png`);
}
