// Runs in Chromium (loaded by bench.html, driven by bench.mjs): times dxer-wasm and ajv on the same
// records and leaves the figures in window.benchResult.
import init, * as dxer from './pkg/dxer.js';
import { Ajv2020, addFormats } from './ajv.js';
import { compare } from './timing.js';

async function run() {
  const { records, schema, timing } = await (await fetch('./data.json')).json();
  const texts = records.map((r) => r.text);
  const objects = texts.map((t) => JSON.parse(t));

  let t0 = performance.now();
  await init();
  dxer.validate(texts[0]); // the first validation builds the lazy tables (code lists, calendar)
  const dxerStartup = performance.now() - t0;

  t0 = performance.now();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  const ajvStartup = performance.now() - t0;

  // Same verdicts? (ajv only checks the schema; dxer also runs the semantic rules.)
  const verdicts = records.map((r, i) => {
    const report = dxer.validate(texts[i]);
    return {
      name: r.name,
      dxer_ok: report.ok,
      dxer_structure_errors: report.findings.filter((f) => f.code.startsWith('DXER-S')).length,
      dxer_findings: report.findings.length,
      ajv_valid: check(objects[i]),
    };
  });

  const m = compare(dxer, check, texts, objects, timing);
  window.benchResult = {
    userAgent: navigator.userAgent, records: records.length, dxerStartup, ajvStartup, rows: m.rows, ratio: m.ratio,
    rounds: m.rounds, warmMs: m.warmMs, ms: m.ms, verdicts,
  };
}

run().catch((e) => { window.benchResult = { error: `${e.message}\n${e.stack}` }; });
