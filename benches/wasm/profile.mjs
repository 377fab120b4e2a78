// Where dxer-wasm's time goes: validates the benchmark records (records.mjs) in a loop under V8's CPU
// profiler (node:inspector, so Node only) and prints the share of samples per function, by self time and
// inclusive time, and for each --focus pattern its callers and callees (benches/README.md, "WebAssembly").
//
// Function names need a module that still has its name section: wasm-bindgen's output before wasm-opt,
// target/dxer-wasm-bindgen/<package>-<profile>/ (dxer.js and dxer_bg.wasm side by side), e.g.
//   node benches/wasm/profile.mjs target/dxer-wasm-bindgen/full-wasm-release
//   node benches/wasm/profile.mjs DIR --object --seconds 10 --top 40 --focus 'js_text' --focus 'rules::check'
// Also writes the raw profile (target/wasm-bench/dxer.cpuprofile: Chrome DevTools opens it).
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { records, root } from './records.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const valued = new Set(['--seconds', '--top', '--focus', '--interval']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const pkg = path.resolve(positional[0] || path.join(root, 'target/dxer-wasm-bindgen/full-wasm-release'));
const seconds = Number(opt('--seconds', '8'));
const top = Number(opt('--top', '40'));
const focus = args.flatMap((a, i) => (args[i - 1] === '--focus' ? [a] : []));

const dxer = await import(path.join(pkg, 'dxer.js'));
dxer.initSync({ module: fs.readFileSync(path.join(pkg, 'dxer_bg.wasm')) });
const texts = records().map((r) => r.text);
const inputs = args.includes('--object') ? texts.map((t) => JSON.parse(t)) : texts;
const run = (ms) => {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (const input of inputs) dxer.validate(input);
    n += inputs.length;
  }
  return n;
};
run(1000); // warm-up: V8 tiers the module up (Liftoff, then TurboFan)

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(opt('--interval', '200')) });
await session.post('Profiler.start');
const t0 = performance.now();
const n = run(seconds * 1000);
const elapsed = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const out = path.join(root, 'target/wasm-bench');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'dxer.cpuprofile'), JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children || []) parent.set(c, node.id);
const name = (id) => byId.get(id).callFrame.functionName || `(${byId.get(id).callFrame.url.split('/').pop() || 'anonymous'})`;
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) || 0) + 1);
const total = profile.samples.length;
const add = (map, key, c) => map.set(key, (map.get(key) || 0) + c);
const self = new Map();
const inclusive = new Map();
const around = focus.map(() => ({ callers: new Map(), callees: new Map(), all: 0 }));
for (const [id, c] of counts) {
  add(self, name(id), c);
  const chain = [];
  for (let x = id; x !== undefined; x = parent.get(x)) chain.push(x);
  for (const fn of new Set(chain.map(name))) add(inclusive, fn, c);
  focus.forEach((pattern, f) => {
    const i = chain.findIndex((x) => new RegExp(pattern).test(name(x)));
    if (i < 0) return;
    around[f].all += c;
    add(around[f].callers, chain[i + 1] === undefined ? '-' : name(chain[i + 1]), c);
    add(around[f].callees, i > 0 ? name(chain[i - 1]) : '(self)', c);
  });
}
const pct = (c) => `${((100 * c) / total).toFixed(1).padStart(5)} %`;
const list = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, c]) => `  ${pct(c)}  ${f.slice(0, 150)}`).join('\n');
console.log(`${n} validations (${args.includes('--object') ? 'objects' : 'JSON text'}) in ${(elapsed / 1000).toFixed(1)} s: ${((elapsed * 1000) / n).toFixed(1)} µs each under the profiler; ${total} samples`);
console.log(`self time:\n${list(self, top)}`);
console.log(`inclusive time:\n${list(inclusive, top)}`);
focus.forEach((pattern, f) => {
  console.log(`${pct(around[f].all)} in /${pattern}/\n callers:\n${list(around[f].callers, 10)}\n callees:\n${list(around[f].callees, 20)}`);
});
