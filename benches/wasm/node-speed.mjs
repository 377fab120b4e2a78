// dxer-wasm vs ajv in Node (same V8 as Chromium), on the same records, in the same run: the timing of
// bench.mjs (warm-up, then the median of interleaved rounds: timing.mjs) without a browser. Also used to
// compare build profiles (benches/wasm/profiles.sh).
//   node benches/wasm/node-speed.mjs [pkg-dir] [--rounds 7] [--ms 300] [--warm-ms 1000] [--no-ajv]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { records, root } from './records.mjs';
import { compare, measure } from './timing.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const valued = new Set(['--rounds', '--ms', '--warm-ms']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const pkg = path.resolve(positional[0] || path.join(root, 'bindings-wasm/pkg'));
const timing = { rounds: Number(opt('--rounds', '7')), ms: Number(opt('--ms', '300')), warmMs: Number(opt('--warm-ms', '1000')) };

const dxer = await import(path.join(pkg, 'dxer.js'));
const wasmBytes = fs.readFileSync(path.join(pkg, 'dxer_bg.wasm'));
let t0 = performance.now();
dxer.initSync({ module: wasmBytes });
const recs = records();
dxer.validate(recs[0].text); // the first validation builds the lazy tables
const startup = performance.now() - t0;
const texts = recs.map((r) => r.text);
const objects = texts.map((t) => JSON.parse(t));

let m;
if (args.includes('--no-ajv')) {
  const batch = (f) => () => { for (let i = 0; i < texts.length; i++) f(i); };
  m = measure({ dxer_text: batch((i) => dxer.validate(texts[i])), dxer_object: batch((i) => dxer.validate(objects[i])) }, timing);
  for (const r of Object.values(m.rows)) for (const k of Object.keys(r)) r[k] = (r[k] / texts.length) * 1000;
} else {
  const require = createRequire(path.join(root, 'bindings-wasm/package.json'));
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas/record.schema.json'), 'utf8')));
  m = compare(dxer, check, texts, objects, timing);
}
const round = (x) => +x.toFixed(2);
const result = {
  pkg: path.relative(root, pkg),
  node: process.version,
  raw_bytes: wasmBytes.length,
  gzip_bytes: zlib.gzipSync(wasmBytes, { level: 9 }).length,
  startup_ms: +startup.toFixed(1),
  records: recs.length,
  rounds: m.rounds,
  warm_ms: m.warmMs,
  us_per_record: Object.fromEntries(Object.entries(m.rows).map(([k, r]) => [k, { median: round(r.median), min: round(r.min), max: round(r.max) }])),
  ratio: Object.fromEntries(Object.entries(m.ratio).map(([k, v]) => [k, round(v)])),
  // Kept for profiles.sh.
  text_us_per_record: round(m.rows.dxer_text.median),
  object_us_per_record: round(m.rows.dxer_object.median),
};
console.log(JSON.stringify(result));
