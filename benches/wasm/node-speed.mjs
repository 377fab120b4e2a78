// Quick speed check of one built package in Node (same V8 as Chromium): mean time to validate each
// record, as JSON text and as an object. Used to compare build profiles (benches/wasm/profiles.sh);
// the reference figures come from the Chromium benchmark (bench.mjs).
//   node benches/wasm/node-speed.mjs [pkg-dir]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { records, root } from './records.mjs';

const pkg = path.resolve(process.argv[2] || path.join(root, 'bindings-wasm/pkg'));
const dxer = await import(path.join(pkg, 'dxer.js'));
const wasmBytes = fs.readFileSync(path.join(pkg, 'dxer_bg.wasm'));
let t0 = performance.now();
dxer.initSync({ module: wasmBytes });
const recs = records();
dxer.validate(recs[0].text); // compiles the schema
const startup = performance.now() - t0;

function time(fn, minMs = 1500) {
  for (let i = 0; i < 20; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) { fn(); n++; }
  return (performance.now() - start) / n;
}
const objects = recs.map((r) => JSON.parse(r.text));
const perRecord = (ms) => (ms / recs.length) * 1000;
const text = time(() => { for (const r of recs) dxer.validate(r.text); });
const object = time(() => { for (const o of objects) dxer.validate(o); });
const result = {
  pkg: path.relative(root, pkg),
  raw_bytes: wasmBytes.length,
  gzip_bytes: zlib.gzipSync(wasmBytes, { level: 9 }).length,
  startup_ms: +startup.toFixed(1),
  records: recs.length,
  text_us_per_record: +perRecord(text).toFixed(1),
  object_us_per_record: +perRecord(object).toFixed(1),
};
if (typeof dxer.validateObjectSwb === 'function') {
  result.object_swb_us_per_record = +perRecord(time(() => { for (const o of objects) dxer.validateObjectSwb(o); })).toFixed(1);
}
console.log(JSON.stringify(result));
