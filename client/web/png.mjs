// A minimal PNG encoder (8-bit RGB) on node's zlib: enough for generated icons and test screenshots.
import {crc32, deflateSync} from "node:zlib";

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

// `pixel(x, y)` returns [r, g, b].
export function encodePng(width, height, pixel) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);  // filter byte 0, then RGB
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bits per channel
  header[9] = 2;  // RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header),
                        chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

// The app icon (the same drawing as assets/icon.svg): two overlapping circles and a bar on blue.
export function iconPng(size) {
  const s = size / 512, blue = [41, 107, 199], white = [255, 255, 255], pale = [191, 212, 241];
  const inside = (x, y, cx, cy, r) => (x - cx * s) ** 2 + (y - cy * s) ** 2 <= (r * s) ** 2;
  return encodePng(size, size, (x, y) => {
    if (inside(x, y, 200, 230, 72)) return white;
    if (inside(x, y, 312, 230, 72)) return pale;
    if (y >= 330 * s && y <= 366 * s && x >= 136 * s && x <= 376 * s) return white;
    return blue;  // maskable: the safe zone keeps the drawing, the square background fills the rest
  });
}
