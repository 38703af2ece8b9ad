// Draws the toolbar icon (two linked rings on a rounded square: "where this came from")
// at each size WXT expects in public/icon/. Run once after changing the design:
//   node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Coverage of a unit-square icon at (u, v) in [0,1]: 4x4 supersampling for smooth edges.
function shade(u, v) {
  const radius = 0.2;
  const inSquare = (() => {
    const dx = Math.max(radius - u, 0, u - (1 - radius));
    const dy = Math.max(radius - v, 0, v - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  })();
  if (!inSquare) return null;
  const ring = (cx, cy) => {
    const d = Math.hypot(u - cx, v - cy);
    return d > 0.15 && d < 0.24;
  };
  return ring(0.38, 0.5) || ring(0.62, 0.5) ? 'white' : 'base';
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const image = png(size, (x, y) => {
    let base = 0,
      white = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const s = shade((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        if (s === 'base') base++;
        else if (s === 'white') white++;
      }
    const total = base + white;
    if (total === 0) return [0, 0, 0, 0];
    const w = white / total;
    // #9a3412 blended with white by ring coverage
    const mix = (c) => Math.round(c * (1 - w) + 255 * w);
    return [mix(0x9a), mix(0x34), mix(0x12), Math.round((total / 16) * 255)];
  });
  writeFileSync(`public/icon/${size}.png`, image);
}
console.log('icons written to public/icon/');
