// Converts the desktop client's 32-bit BMP screenshot to PNG for the test artefacts, and fails when the
// picture is blank (fewer than 8 distinct colours means nothing was drawn).
import {readFileSync, writeFileSync} from "node:fs";
import {encodePng} from "../../client/web/png.mjs";

const [bmpPath, pngPath] = process.argv.slice(2);
const bmp = readFileSync(bmpPath);
const offset = bmp.readUInt32LE(10), width = bmp.readInt32LE(18), rawHeight = bmp.readInt32LE(22);
const height = Math.abs(rawHeight), bottomUp = rawHeight > 0, bits = bmp.readUInt16LE(28);
if (bits !== 32) throw new Error(`expected a 32-bit BMP, got ${bits}`);
// Channel order from the BMP's masks (BI_BITFIELDS), defaulting to BGRA.
const masks = bmp.readUInt32LE(30) === 3 ? [bmp.readUInt32LE(54), bmp.readUInt32LE(58), bmp.readUInt32LE(62)]
                                           : [0x00ff0000, 0x0000ff00, 0x000000ff];
const shift = mask => Math.log2(mask & -mask);
const colours = new Set();
const png = encodePng(width, height, (x, y) => {
  const pixel = bmp.readUInt32LE(offset + (bottomUp ? height - 1 - y : y) * width * 4 + x * 4);
  const rgb = masks.map(mask => (pixel & mask) >>> shift(mask) & 0xff);
  if (colours.size < 64) colours.add(rgb.join());
  return rgb;
});
writeFileSync(pngPath, png);
if (colours.size < 8) { console.error(`screenshot looks blank (${colours.size} colours)`); process.exit(1); }
console.log(`${pngPath}: ${width}x${height}, ${colours.size >= 64 ? "64+" : colours.size} colours`);
