// Packages the web client: content-hashed file names, brotli and gzip siblings the server sends as they are
// to browsers that accept them, and the page, manifest and service worker filled in with the names of this
// build.
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, extname, join} from "node:path";
import {brotliCompressSync, constants as zlib, gzipSync} from "node:zlib";
import {iconPng} from "./png.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, index, all) =>
  index % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[index + 1]]] : pairs, []));
for (const required of ["build", "web", "assets", "font", "fallback-font", "out"])
  if (!args[required]) throw new Error(`package.mjs: missing --${required}`);

rmSync(args.out, {recursive: true, force: true});
mkdirSync(args.out, {recursive: true});

// Brotli at its best quality takes seconds per megabyte, so each compressed copy is kept beside the output,
// by content hash, and a rebuild that did not change a file reuses it.
const compressedCache = join(args.out, "..", "web-compressed");
mkdirSync(compressedCache, {recursive: true});

function compressedCopy(bytes, hash, extension, suffix) {
  const cached = join(compressedCache, `${hash}${extension}${suffix}`);
  if (existsSync(cached)) return readFileSync(cached);
  const packed = suffix === ".br"
    ? brotliCompressSync(bytes, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                                          [zlib.BROTLI_PARAM_LGWIN]: 24}})
    : gzipSync(bytes, {level: 9});
  writeFileSync(cached + ".part", packed);
  renameSync(cached + ".part", cached);
  return packed;
}

function publish(source, compress) {
  const bytes = readFileSync(source);
  const fullHash = createHash("sha256").update(bytes).digest("hex");
  const hash = fullHash.slice(0, 12);
  const extension = extname(source);
  const name = `${basename(source, extension)}.${hash}${extension}`;
  writeFileSync(join(args.out, name), bytes);
  if (compress)
    for (const suffix of [".br", ".gz"])
      writeFileSync(join(args.out, name + suffix), compressedCopy(bytes, fullHash, extension, suffix));
  return {name, hash};
}

const js = publish(join(args.build, "tandem.js"), true);
const wasm = publish(join(args.build, "tandem.wasm"), true);
const font = publish(args.font, true);
const fallbackFont = publish(args["fallback-font"], true);
const icon = publish(join(args.assets, "icon.svg"), false);
const pngIcons = [192, 512].map(size => {
  const bytes = iconPng(size);
  const name = `icon-${size}.${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}.png`;
  writeFileSync(join(args.out, name), bytes);
  return {name, size};
});
const buildId = createHash("sha256").update([js, wasm, font, fallbackFont, icon].map(f => f.hash).join())
  .digest("hex").slice(0, 12);

const fill = (file, values) => {
  let text = readFileSync(join(args.web, file), "utf8");
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`@${key}@`, value);
  writeFileSync(join(args.out, file), text);
};
fill("index.html", {JS: js.name, WASM: wasm.name, FONT: font.name, FALLBACK_FONT: fallbackFont.name, ICON: icon.name});
fill("manifest.webmanifest", {ICON: icon.name, ICON192: pngIcons[0].name, ICON512: pngIcons[1].name});
fill("sw.js", {
  BUILD_ID: buildId,
  FILES: JSON.stringify(["./", "manifest.webmanifest", js.name, wasm.name, font.name, fallbackFont.name, icon.name,
                         ...pngIcons.map(i => i.name)]),
});
writeFileSync(join(args.out, "build.json"), JSON.stringify({build: buildId, js: js.name, wasm: wasm.name, font: font.name}));
console.log(`web client ${buildId}: ${js.name}, ${wasm.name}`);
