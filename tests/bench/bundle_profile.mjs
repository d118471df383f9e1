// What the web app's download holds: the served files' sizes raw, gzip and brotli against the target, and
// the wasm's code by library and by the project's own namespaces, read from a copy linked with function names
// (--profiling-funcs: the same code, names kept). Usage:
//   node bundle_profile.mjs --web build-wasm/web --named build-wasm/client/tandem-profile.wasm
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, index, all) =>
  index % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[index + 1]]] : pairs, []));
const kTargetGzipBytes = 1_000_000;  // issue 25: wasm + js, gzip

const served = readdirSync(args.web);
const size = name => (served.includes(name) ? statSync(join(args.web, name)).size : NaN);
const bytes = n => (Number.isNaN(n) ? "missing" : n.toLocaleString("en-US") + " B");
const appFiles = served.filter(name => /^tandem\.[0-9a-f]+\.(wasm|js)$/.test(name)).sort();

console.log("Served files (build-wasm/web), as stored and as precompressed siblings:");
console.log("| file | raw | gzip | brotli |\n|---|---|---|---|");
const total = {raw: 0, gz: 0, br: 0};
for (const name of appFiles) {
  const [raw, gz, br] = [size(name), size(name + ".gz"), size(name + ".br")];
  total.raw += raw; total.gz += gz; total.br += br;
  console.log(`| ${name} | ${bytes(raw)} | ${bytes(gz)} | ${bytes(br)} |`);
}
console.log(`| wasm + js | ${bytes(total.raw)} | **${bytes(total.gz)}** | ${bytes(total.br)} |`);
console.log(`gzip ÷ target (${bytes(kTargetGzipBytes)}): ${(100 * total.gz / kTargetGzipBytes).toFixed(1)} %` +
            (total.gz <= kTargetGzipBytes ? " (met)" : " (NOT met)"));

// --- the wasm's sections and function bodies ---------------------------------------------------------------
const wasm = readFileSync(args.named);
let at = 8;  // magic + version
const leb = () => {
  let result = 0, shift = 0, byte;
  do { byte = wasm[at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
};
const name = () => { const length = leb(); const text = wasm.toString("utf8", at, at + length); at += length; return text; };
const skipLimits = () => { const flags = wasm[at++]; leb(); if (flags & 1) leb(); };

const sections = {};
let importedFunctions = 0;
const bodySizes = [];
const functionNames = new Map();
while (at < wasm.length) {
  const id = wasm[at++];
  const length = leb();
  const end = at + length;
  if (id === 0) {
    const custom = name();
    sections[`custom "${custom}"`] = length;
    if (custom === "name") {
      while (at < end) {
        const sub = wasm[at++], subLength = leb(), subEnd = at + subLength;
        if (sub === 1) for (let count = leb(); count > 0; count--) { const index = leb(); functionNames.set(index, name()); }
        at = subEnd;
      }
    }
  } else {
    sections[["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element",
              "code", "data", "data count", "tag"][id] ?? `section ${id}`] = length;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        name(); name();
        const kind = wasm[at++];
        if (kind === 0) { importedFunctions++; leb(); }
        else if (kind === 1) { at++; skipLimits(); }
        else if (kind === 2) skipLimits();
        else if (kind === 3) at += 2;
        else if (kind === 4) { at++; leb(); }
      }
    } else if (id === 10) {
      for (let count = leb(); count > 0; count--) { const body = leb(); bodySizes.push(body); at += body; }
    }
  }
  at = end;
}

// Mangled names tell where a function came from: a namespace for C++, a prefix for the C libraries.
// The profile build names functions demangled ("void std::__2::vector<tandem::Change>::push_back(...)"):
// what decides the library is the qualified name itself, without its return type and template arguments.
function qualifiedName(symbol) {
  let head = symbol.replaceAll("(anonymous namespace)", "anonymous").split("(")[0];
  for (let before = ""; before !== head;) { before = head; head = head.replace(/<[^<>]*>/g, ""); }
  return head.trim().split(/\s+/).at(-1) ?? "";
}
const libraries = [
  ["Tandem (shared/ and client/)", /^_ZN(K)?6tandem|^_ZNK?6tandem|^tandem_|^tandem::/],
  ["Dear ImGui", /ImGui|^stbtt|^stbrp|^stb_|^_ZN\d*Im[A-Z]|^_Z\d+Im[A-Z]|^Im[A-Z]|^_ZL\d*Im/],
  ["SQLite", /^sqlite3|^_?sqlite|^pager|^btree|^vdbe|^yy|Vdbe|Btree|Pager|Where|Expr|Select|Parse/],
  ["libsodium", /^crypto_|^fill_segment|^fill_block|^SHA(256|512)_|^sodium|^_?randombytes|^escrypt|^blake2|^argon2|^ge25519|^fe25519|^sc25519|^x25519/],
  ["SDL2", /^SDL_|^Emscripten_|^_?SDL|^Blit|^egl[A-Z]/],
  ["nlohmann-json", /nlohmann/],
  ["C++ standard library", /^_ZN?K?St|^_ZNSt|^_ZNKSt|^_ZSt|^std::|__cxa|__cxx|^_ZN10__cxxabi|^_ZTV|^_ZNK?St3__2|^_ZN?K?NSt3__2/],
  ["C library and runtime", /^(mem|str|mal|free|calloc|realloc|printf|fprintf|snprintf|vsn|vf|__|emscripten|dl|fmt|pop_arg|qsort|stack|sbrk|em_|_emscripten)/],
];
const byLibrary = new Map(libraries.map(([label]) => [label, 0]));
byLibrary.set("other", 0);
const byNamespace = new Map();
const largest = [];
bodySizes.forEach((body, i) => {
  const symbol = functionNames.get(importedFunctions + i) ?? "";
  const name = qualifiedName(symbol);
  const library = libraries.find(([, pattern]) => pattern.test(name))?.[0] ?? "other";
  byLibrary.set(library, byLibrary.get(library) + body);
  const space = name.match(/^tandem::(\w+)::/);
  if (space) byNamespace.set(space[1], (byNamespace.get(space[1]) ?? 0) + body);
  largest.push([body, symbol]);
});

const codeTotal = bodySizes.reduce((a, b) => a + b, 0);
const percent = n => (100 * n / codeTotal).toFixed(1) + " %";
console.log(`\nThe wasm (${bytes(wasm.length)} with function names; ${bodySizes.length} functions, ${bytes(codeTotal)} of code):`);
console.log("| section | size |\n|---|---|");
for (const [section, length] of Object.entries(sections).sort((a, b) => b[1] - a[1]).slice(0, 6))
  console.log(`| ${section} | ${bytes(length)} |`);
console.log("\nCode by library (function bodies, as linked; what was not used is already gone):");
console.log("| library | code | share |\n|---|---|---|");
for (const [library, total] of [...byLibrary].sort((a, b) => b[1] - a[1]))
  console.log(`| ${library} | ${bytes(total)} | ${percent(total)} |`);
console.log("\nTandem's code by namespace (tandem::<name>):");
console.log("| namespace | code |\n|---|---|");
for (const [space, total] of [...byNamespace].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`| ${space} | ${bytes(total)} |`);
console.log("\nLargest functions:");
for (const [body, symbol] of largest.sort((a, b) => b[0] - a[0]).slice(0, 12))
  console.log(`  ${bytes(body).padStart(10)}  ${symbol.slice(0, 110)}`);
