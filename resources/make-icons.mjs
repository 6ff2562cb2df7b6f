// Draws the app icons as PNGs with no image library: a blue rounded square with a white speech
// bubble (an inquiry) holding three dots; a monochrome tray glyph; a red overlay dot for the
// Windows taskbar badge. Run: node resources/make-icons.mjs (outputs are committed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const here = import.meta.dirname;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels → PNG bytes (colour type 6, 8 bits, no filter). */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1), as signed distances (negative inside).
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const dx = Math.abs(x - cx) - hw + r;
  const dy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
/** The speech bubble's tail: a triangle below the bubble's lower left. */
const tail = (x, y) => {
  const inside = y > 0.6 && y < 0.8 && x > 0.3 && x < 0.3 + (0.8 - y) * 1.1;
  return inside ? -1 : 1;
};
const bubble = (x, y) => Math.min(roundRect(x, y, 0.5, 0.45, 0.3, 0.2, 0.08), tail(x, y));
const dots = (x, y) =>
  Math.min(
    circle(x, y, 0.37, 0.45, 0.045),
    circle(x, y, 0.5, 0.45, 0.045),
    circle(x, y, 0.63, 0.45, 0.045),
  );

/** Supersampled rendering: `paint(x, y)` returns [r, g, b, a] or null for each sample. */
function render(size, paint, samples = 4) {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const BLUE = [31, 111, 235, 1];
const WHITE = [255, 255, 255, 1];
const appIcon = (x, y) => {
  if (roundRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.18) > 0) return null;
  if (dots(x, y) < 0) return BLUE;
  if (bubble(x, y) < 0) return WHITE;
  return BLUE;
};
// Tray: a black bubble with transparent dots (macOS uses it as a template image).
const trayIcon = (x, y) => {
  const bx = (x - 0.5) * 1.25 + 0.5;
  const by = (y - 0.5) * 1.25 + 0.55;
  if (dots(bx, by) < 0) return null;
  return bubble(bx, by) < 0 ? [0, 0, 0, 1] : null;
};
const overlay = (x, y) => (circle(x, y, 0.5, 0.5, 0.42) < 0 ? [220, 38, 38, 1] : null);

const write = (file, size, paint) =>
  writeFileSync(join(here, file), png(size, render(size, paint)));
write('icon.png', 1024, appIcon);
write('icons/icon.png', 512, appIcon);
write('icons/512x512.png', 512, appIcon);
write('icons/256x256.png', 256, appIcon);
write('icons/tray.png', 16, trayIcon);
write('icons/tray@2x.png', 32, trayIcon);
write('icons/overlay.png', 16, overlay);
