// Converts the desktop client's 32-bit BMP screenshot to PNG for the test artefacts, and fails when the
// picture is blank (fewer than 8 distinct colours means nothing was drawn).
import {readFileSync, writeFileSync} from "node:fs";
import {crc32, deflateSync} from "node:zlib";

const [bmpPath, pngPath] = process.argv.slice(2);
const bmp = readFileSync(bmpPath);
const offset = bmp.readUInt32LE(10), width = bmp.readInt32LE(18), rawHeight = bmp.readInt32LE(22);
const height = Math.abs(rawHeight), bottomUp = rawHeight > 0, bits = bmp.readUInt16LE(28);
if (bits !== 32) throw new Error(`expected a 32-bit BMP, got ${bits}`);
// Channel order from the BMP's masks (BI_BITFIELDS), defaulting to BGRA.
const masks = bmp.readUInt32LE(30) === 3 ? [bmp.readUInt32LE(54), bmp.readUInt32LE(58), bmp.readUInt32LE(62)]
                                           : [0x00ff0000, 0x0000ff00, 0x000000ff];
const shift = mask => Math.log2(mask & -mask);
const rows = [], colours = new Set();
for (let y = 0; y < height; y++) {
  const source = offset + (bottomUp ? height - 1 - y : y) * width * 4;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    const pixel = bmp.readUInt32LE(source + x * 4);
    const rgb = masks.map(mask => (pixel & mask) >>> shift(mask) & 0xff);
    rgb.forEach((value, i) => row[1 + x * 3 + i] = value);
    if (colours.size < 64) colours.add(rgb.join());
  }
  rows.push(row);
}
const chunk = (type, data) => {
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4); header[8] = 8; header[9] = 2;
writeFileSync(pngPath, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header),
                                      chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]));
if (colours.size < 8) { console.error(`screenshot looks blank (${colours.size} colours)`); process.exit(1); }
console.log(`${pngPath}: ${width}x${height}, ${colours.size >= 64 ? "64+" : colours.size} colours`);
