// The publication policy through WebAssembly: the shared hostile records of tests/hostile/publication/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { root } from './load.mjs';

const dir = path.join(root, 'tests/hostile/publication');
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const PRIVATE = JSON.parse(read('private-strings.json'));
const registered = read('registered.json');

test('a published record carries no private value in any export', () => {
  for (const value of PRIVATE.values) assert.ok(registered.includes(value), value);
  const outputs = {
    cpsv: JSON.stringify(dxer.toCpsvJsonLd(registered)),
    schemaOrg: JSON.stringify(dxer.toSchemaOrg(registered, 'en')),
    html: dxer.toHtml(registered, 'en'),
    md: dxer.toMarkdown(registered),
  };
  for (const [name, out] of Object.entries(outputs)) {
    assert.ok(out.includes('DX-'), name);
    for (const value of PRIVATE.values) assert.ok(!out.includes(value), `${name} publishes ${value}`);
  }
  const kept = dxer.toCpsvJsonLd(registered)['@graph'][0]['dxer:record']['@value'];
  for (const member of PRIVATE.json_members) assert.ok(!(member in kept) && !(member in kept.submission), member);
  assert.deepEqual(kept.submission, { date: '2026-06-08' });
  assert.ok(!outputs.html.includes('Signer'));
});

test('the internal export keeps every field', () => {
  const full = dxer.toCpsvJsonLd(registered, { internal: true })['@graph'][0]['dxer:record']['@value'];
  assert.deepEqual(full, JSON.parse(registered));
  assert.ok(dxer.toHtml(registered, 'en', { internal: true }).includes('SIGREF-9F3A-PRIVATE-0001'));
  assert.throws(() => dxer.toHtml(registered, 'en', { internal: 'yes' }), /options: not export options/);
  assert.throws(() => dxer.toHtml(registered, 'en', { publish: true }), /unknown field/);
});

test('unpublished records are withheld with the reason', () => {
  for (const [name, reason, status] of [
    ['draft.json', 'status', 'draft'],
    ['under-review.json', 'status', 'under_review'],
    ['suspended.json', 'status', 'suspended'],
    ['not-open-data.json', 'not_open_data', undefined],
  ]) {
    const text = read(name);
    const id = JSON.parse(text).record_id;
    for (const fn of [dxer.toCpsvJsonLd, (t, o) => dxer.toSchemaOrg(t, 'az', o), (t, o) => dxer.toHtml(t, 'az', o), (t, o) => dxer.toMarkdown(t, 'en', o)]) {
      assert.throws(() => fn(text), (e) => {
        assert.ok(e instanceof Error && /internal: true/.test(e.message), e.message);
        assert.deepEqual(e.withheld, { index: 0, record_id: id, version: 1, reason, ...(status ? { status } : {}) });
        return true;
      });
      assert.ok(fn(text, { internal: true }), `${name}: internal export`);
    }
  }
});
