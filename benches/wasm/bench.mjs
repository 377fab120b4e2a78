// dxer-wasm vs ajv in the same Chromium, on the same records (benches/README.md, "WebAssembly").
//
// dxer validates with the JSON Schema *and* the semantic rules; ajv (2020-12 mode, ajv-formats, all
// errors) with the published schema (schemas/record.schema.json) alone. Prints time per record, the
// ratio, start-up times, and the gzipped size of each.
//
//   node benches/wasm/bench.mjs [--pkg bindings-wasm/pkg] [--rounds 7] [--ms 300] [--warm-ms 1000]
// Each row warms up for --warm-ms, then is timed in --rounds interleaved rounds of --ms each; the median
// round is reported (timing.mjs). `--min-ms N` (older runs) sets --ms to N / rounds.
// Needs ./scripts/build-wasm (the package and the npm dev dependencies) and /usr/bin/chromium.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { records, root } from './records.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const pkg = path.resolve(root, opt('--pkg', 'bindings-wasm/pkg'));
const rounds = Number(opt('--rounds', '7'));
const timing = {
  rounds,
  ms: args.includes('--min-ms') ? Number(opt('--min-ms')) / rounds : Number(opt('--ms', '300')),
  warmMs: Number(opt('--warm-ms', '1000')),
};
const here = path.join(root, 'benches/wasm');
const nodeModules = path.join(root, 'bindings-wasm/node_modules');
const require = createRequire(path.join(root, 'bindings-wasm/package.json'));
const esbuild = require('esbuild');
const { chromium } = require('playwright-core');
const out = path.join(root, 'target/wasm-bench');
fs.mkdirSync(out, { recursive: true });

// ajv for the browser: one minified ES module.
const ajvBundle = path.join(out, 'ajv.js');
await esbuild.build({
  entryPoints: [path.join(here, 'ajv-entry.mjs')], bundle: true, format: 'esm', minify: true,
  outfile: ajvBundle, nodePaths: [nodeModules], logLevel: 'warning', platform: 'browser',
});
const ajvVersion = JSON.parse(fs.readFileSync(path.join(nodeModules, 'ajv/package.json'), 'utf8')).version;

const recs = records();
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/record.schema.json'), 'utf8'));
const data = JSON.stringify({ records: recs, schema, timing });
const files = {
  '/': [path.join(here, 'bench.html'), 'text/html'],
  '/page.js': [path.join(here, 'page.js'), 'text/javascript'],
  '/timing.js': [path.join(here, 'timing.mjs'), 'text/javascript'],
  '/ajv.js': [ajvBundle, 'text/javascript'],
  '/pkg/dxer.js': [path.join(pkg, 'dxer.js'), 'text/javascript'],
  '/pkg/dxer_bg.wasm': [path.join(pkg, 'dxer_bg.wasm'), 'application/wasm'],
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  if (url === '/data.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(data); return; }
  const f = files[url];
  if (!f) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': f[1] });
  res.end(fs.readFileSync(f[0]));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let result;
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(base);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600000, polling: 500 });
  result = await page.evaluate(() => window.benchResult);
} finally {
  await context.close();
  server.close();
}
if (result.error) throw new Error(result.error);

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const size = {
  dxer_wasm_bytes: fs.statSync(path.join(pkg, 'dxer_bg.wasm')).size,
  dxer_wasm_gzip: gz(path.join(pkg, 'dxer_bg.wasm')),
  dxer_js_gzip: gz(path.join(pkg, 'dxer.js')),
  ajv_bundle_bytes: fs.statSync(ajvBundle).size,
  ajv_bundle_gzip: gz(ajvBundle),
};
const r = Object.fromEntries(Object.entries(result.rows).map(([k, v]) => [k, v.median]));
const ratio = result.ratio;
const summary = { date: new Date().toISOString().slice(0, 10), pkg: path.relative(root, pkg), ajv: ajvVersion, ...result, ratio, size };
fs.writeFileSync(path.join(out, 'result.json'), `${JSON.stringify(summary, null, 2)}\n`);

const us = (x) => `${x.toFixed(1).padStart(8)} µs`;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
console.log(`dxer-wasm vs ajv ${ajvVersion} — ${result.userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0]}, ${result.records} records (valid fixtures + examples/records)`);
console.log(`  time per record (median of ${result.rounds} rounds of ${timing.ms} ms after ${result.warmMs} ms of warm-up per row):`);
console.log(`    dxer  validate(JSON text)        schema + rules ${us(r.dxer_text)}`);
console.log(`    dxer  validate(object)           schema + rules ${us(r.dxer_object)}   (JSON.stringify inside; straight into the model in an object-direct build)`);
console.log(`    dxer  validate(JSON.stringify(o))                ${us(r.dxer_object_stringified)}`);
console.log(`    ajv   validate(JSON.parse(text)) schema only    ${us(r.ajv_parse_and_validate)}`);
console.log(`    ajv   validate(object)           schema only    ${us(r.ajv_object)}`);
console.log(`  ratio dxer(text) / ajv(parse + validate):   ${ratio.dxer_text_vs_ajv_parse_and_validate.toFixed(2)}  (target <= 1)`);
console.log(`  ratio dxer(object) / ajv(parse + validate): ${ratio.dxer_object_vs_ajv_parse_and_validate.toFixed(2)}`);
console.log(`  ratio dxer(text) / ajv(object):             ${ratio.dxer_text_vs_ajv_object.toFixed(2)}`);
console.log(`  ratio dxer(object) / ajv(object):           ${ratio.dxer_object_vs_ajv_object.toFixed(2)}`);
console.log(`  ratio dxer(object) / dxer(stringify):       ${ratio.dxer_object_vs_stringified.toFixed(2)}`);
console.log(`  start-up: dxer ${result.dxerStartup.toFixed(0)} ms (instantiate + first validation), ajv ${result.ajvStartup.toFixed(0)} ms (compile)`);
console.log(`  size gzipped: dxer ${kb(size.dxer_wasm_gzip)} wasm + ${kb(size.dxer_js_gzip)} JS (${kb(size.dxer_wasm_bytes)} raw wasm; target <= 500 KB); ajv + ajv-formats ${kb(size.ajv_bundle_gzip)} (minified bundle)`);
const disagree = result.verdicts.filter((v) => (v.dxer_structure_errors === 0) !== v.ajv_valid);
console.log(`  schema verdicts: ajv and dxer's structure layer agree on ${result.records - disagree.length}/${result.records} records${disagree.length ? `; differ: ${disagree.map((v) => v.name).join(', ')}` : ''}`);
console.log(`  (written to ${path.relative(root, path.join(out, 'result.json'))})`);
