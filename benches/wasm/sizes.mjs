// What a WebAssembly module of dxer is made of: code bytes per crate and the largest functions (from the
// module's name section, so run it on a module that still has one: cargo's output under
// target/wasm32-unknown-unknown/<profile>/dxer_wasm.wasm, before wasm-opt strips the names), and the data
// segments (embedded JSON, tables, strings). Sizes are raw bytes of function bodies; "gz" is each crate's
// bodies gzipped together (-9), which over-counts a little against the whole module's gzip.
//
//   node benches/wasm/sizes.mjs target/wasm32-unknown-unknown/wasm-release/dxer_wasm.wasm [--top N]
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const top = Number(args[args.indexOf("--top") + 1]) || 25;
if (!file) {
  console.error("usage: node benches/wasm/sizes.mjs MODULE.wasm [--top N]");
  process.exit(2);
}
const bytes = readFileSync(file);
let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const name = () => {
  const n = u32();
  const s = bytes.subarray(pos, pos + n).toString("utf8");
  pos += n;
  return s;
};

let imported = 0;
const bodies = []; // [start, end] of each defined function's body
const names = new Map();
const sections = [];
let dataBytes = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  const start = pos;
  if (id === 0) {
    const sname = name();
    sections.push([`custom ${sname}`, size]);
    if (sname === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = u32();
          for (let i = 0; i < count; i++) {
            const index = u32();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  } else {
    sections.push([["type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"][id - 1] ?? `id ${id}`, size]);
    if (id === 2) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) {
          imported++;
          u32();
        } else if (kind === 1) {
          pos++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) {
          pos += 2;
        } else {
          throw new Error(`import kind ${kind}`);
        }
      }
    } else if (id === 10) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        const n = u32();
        bodies.push([pos, pos + n]);
        pos += n;
      }
    } else if (id === 11) {
      dataBytes.push(bytes.subarray(start, end));
    }
  }
  pos = end;
}

// Rust's legacy mangling: _ZN<len><ident>...E; the first identifier is the crate (or `core`, `alloc`...).
// A generic impl (`_ZN<len><<T as Trait>...`) is named after the type's crate.
function crateOf(symbol) {
  let s = symbol;
  const m = /^_ZN(\d+)(.*)$/.exec(s);
  if (m) {
    let first = m[2].slice(0, Number(m[1]));
    first = first.replace(/\$LT\$|_\$LT\$/g, "<").replace(/\$u20\$/g, " ").replace(/\.\./g, "::");
    s = first.replace(/^<+/, "").replace(/^&|^\$RF\$/, "").replace(/^\[|^\$u5b\$/, "");
    if (s.startsWith("impl")) s = s.slice(4).trim();
    return s.split(/[:<> ]/)[0] || "?";
  }
  if (/^(__wbg|__wbindgen|wasm_bindgen)/.test(symbol)) return "wasm_bindgen";
  if (/^(dlmalloc|__rust|rust_)/.test(symbol)) return "std (alloc, panic)";
  if (/^(mem[a-z]*|__[a-z0-9_]+)$/.test(symbol)) return "compiler_builtins";
  // Demangled names (wasm-bindgen's output): `path::to::fn::h<hash>`, `<Type as Trait>::fn`,
  // `<&mut serde_json::...>`, `dxer::model::_::<impl Trait for Type>`. dxer is split by module.
  const path = s
    .replace(/^(<|&|mut |dyn |\[|\(|\*const |\*mut )+/g, "")
    .replace(/^impl /, "");
  const parts = path.split("::");
  if (parts.length > 1 && /^[a-z_][a-z0-9_]*$/.test(parts[0])) {
    if (parts[0] === "dxer" || parts[0] === "dxer_wasm") {
      const module = parts.length > 2 && /^[a-z_]+$/.test(parts[1]) ? parts[1] : "(root)";
      return `${parts[0]}::${module}`;
    }
    return parts[0];
  }
  if (/^[a-z_]+$/.test(symbol)) return "exports (dxer_wasm)";
  return "?";
}

const perCrate = new Map();
const functions = [];
bodies.forEach(([s, e], i) => {
  const symbol = names.get(imported + i) ?? `func${imported + i}`;
  const crate = crateOf(symbol);
  const entry = perCrate.get(crate) ?? { bytes: 0, count: 0, parts: [] };
  entry.bytes += e - s;
  entry.count++;
  entry.parts.push(bytes.subarray(s, e));
  perCrate.set(crate, entry);
  functions.push([e - s, crate, symbol]);
});

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const gz = (parts) => gzipSync(Buffer.concat(parts), { level: 9 }).length;
console.log(`${file}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`);
console.log("\nsections:");
for (const [n, size] of sections.sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${n.padEnd(24)} ${kb(size)}`);
const data = Buffer.concat(dataBytes);
console.log(`\ndata segments: ${kb(data.length)} raw, ${kb(gz([data]))} gzipped alone`);
const code = bodies.reduce((n, [s, e]) => n + e - s, 0);
console.log(`code: ${bodies.length} functions, ${kb(code)} raw\n`);
console.log("| crate | functions | code | gz alone | share |\n|---|---|---|---|---|");
for (const [crate, e] of [...perCrate].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
  console.log(`| ${crate} | ${e.count} | ${kb(e.bytes)} | ${kb(gz(e.parts))} | ${((100 * e.bytes) / code).toFixed(1)} % |`);
}
console.log(`\nlargest ${top} functions:`);
for (const [size, crate, symbol] of functions.sort((a, b) => b[0] - a[0]).slice(0, top)) {
  console.log(`  ${kb(size).padStart(7)}  ${crate.padEnd(16)} ${symbol.slice(0, 110)}`);
}
