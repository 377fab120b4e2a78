// The validation package a form loads (bindings-wasm/pkg-validate: `DXER_WASM_PACKAGE=validate
// ./scripts/build-wasm`, dxer-wasm without its `full` feature): the same reports as the full package for
// every conformance fixture in every input form, the same catalogue and code lists, and none of the
// conversions, workflow or statistics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import full, { fixtures, root } from './load.mjs';

const dir = process.env.DXER_WASM_PKG_VALIDATE
  ? path.resolve(process.env.DXER_WASM_PKG_VALIDATE)
  : path.join(root, 'bindings-wasm/pkg-validate');
if (!fs.existsSync(path.join(dir, 'dxer_bg.wasm'))) {
  throw new Error(`no validation package at ${dir}: run DXER_WASM_PACKAGE=validate ./scripts/build-wasm first`);
}
const lean = await import(path.join(dir, 'dxer.js'));
lean.initSync({ module: fs.readFileSync(path.join(dir, 'dxer_bg.wasm')) });

test('the validation package has validation, the catalogue and the code lists, and nothing else', () => {
  for (const name of ['validate', 'rules', 'codeList', 'codeLists', 'codeListNames', 'codeLabel', 'version']) {
    assert.equal(typeof lean[name], 'function', name);
  }
  for (const name of ['toHtml', 'toMarkdown', 'toCpsvJsonLd', 'fromCpsvJsonLd', 'toSchemaOrg', 'digest', 'duties',
    'applyEvent', 'addWorkingDays', 'systemDuties', 'registryStats', 'schema']) {
    assert.equal(typeof full[name], 'function', `full package: ${name}`);
    assert.equal(lean[name], undefined, `validation package: ${name}`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'dxer-wasm-validate');
  assert.equal(lean.version(), full.version());
});

test('the same catalogue and code lists as the full package', () => {
  assert.deepEqual(lean.rules(), full.rules());
  assert.deepEqual(lean.codeLists(), full.codeLists());
  for (const item of full.codeList('channels').items) {
    for (const lang of ['az', 'en', 'ru']) {
      assert.equal(lean.codeLabel('channels', item.code, lang), full.codeLabel('channels', item.code, lang));
    }
  }
});

for (const group of ['valid', 'invalid', 'real']) {
  test(`${group}: the same reports as the full package, from bytes, text and object, in each language`, () => {
    for (const c of fixtures(group)) {
      const inputs = [new Uint8Array(c.bytes)];
      if (!c.isBinary) {
        const text = c.bytes.toString('utf8');
        inputs.push(text);
        try { inputs.push(JSON.parse(text)); } catch { /* not JSON: text and bytes only */ }
      }
      for (const input of inputs) {
        for (const lang of ['az', 'en', 'ru']) {
          assert.deepEqual(lean.validate(input, lang), full.validate(input, lang), `${group}/${c.name} (${lang})`);
        }
      }
      assert.deepEqual(lean.validate(new Uint8Array(c.bytes)).findings.map((f) => [f.code, f.pointer]), c.expected);
    }
  });
}
