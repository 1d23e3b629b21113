// A PNG encoder for pictures drawn in code (the demo's evidence photos, tests): pixel(x, y) gives each colour.
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}

export function pngImage(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0, p = 0; y < height; y++) {
    raw[p++] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[p++] = r;
      raw[p++] = g;
      raw[p++] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A street scene at dusk: sky, hills, a road and a row of lamp posts (lit when `lit`). */
export function streetScene(width: number, height: number, lit: boolean): Buffer {
  const horizon = Math.round(height * 0.62);
  return pngImage(width, height, (x, y) => {
    const hill = horizon - Math.round(height * 0.12 * (0.6 + 0.4 * Math.sin(x / (width / 5))));
    for (let i = 0; i < 4; i++) {
      const px = Math.round(width * (0.15 + i * 0.23));
      const top = Math.round(height * (0.3 + i * 0.04));
      if (Math.abs(x - px) <= 1 && y >= top && y <= horizon + 10) return [70, 70, 75];
      if (Math.hypot(x - px - 6, y - top) < 5) return lit ? [255, 214, 102] : [150, 150, 150];
      if (lit && Math.hypot(x - px - 6, y - top) < 14) return [250, 200, 120];
    }
    if (y > horizon) {
      const road = Math.abs(x - width / 2) < (y - horizon) * 1.2 + 10;
      return road ? [95, 95, 100] : [76, 140, 60];
    }
    if (y > hill) return [60, 110, 70];
    const t = y / horizon;
    return lit
      ? [Math.round(40 + 150 * t), Math.round(50 + 80 * t), Math.round(110 + 40 * t)]
      : [Math.round(120 + 90 * t), Math.round(170 + 60 * t), 235];
  });
}
