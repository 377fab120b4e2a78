// The rule catalogue and the code lists, as the form reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { fixtures } from './load.mjs';

test('the catalogue lists every code the fixtures fire, with three message templates', () => {
  const rules = dxer.rules();
  assert.ok(rules.length >= 60);
  const codes = new Set(rules.map((r) => r.code));
  assert.equal(codes.size, rules.length, 'codes are unique');
  for (const c of fixtures('invalid')) for (const [code] of c.expected) assert.ok(codes.has(code), code);
  for (const r of rules) {
    assert.ok(['record', 'workflow', 'registry'].includes(r.scope));
    for (const l of ['az', 'en', 'ru']) assert.ok(r.message[l].length > 0);
    const names = (t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(r.message.az), names(r.message.en), r.code);
    assert.deepEqual(names(r.message.ru), names(r.message.en), r.code);
  }
  assert.equal(rules.find((r) => r.code === 'DXER-W001').scope, 'workflow');
});

test('code lists carry labels in az/en/ru', () => {
  const names = dxer.codeListNames();
  for (const n of ['providers', 'service-areas', 'channels', 'fee-kinds', 'document-kinds', 'durations']) {
    assert.ok(names.includes(n), n);
  }
  const all = dxer.codeLists();
  assert.deepEqual(Object.keys(all).sort(), [...names].sort());
  const feeKinds = dxer.codeList('fee-kinds');
  assert.equal(feeKinds.codelist, 'fee-kinds');
  assert.ok(feeKinds.items.some((i) => i.code === 'state_duty' && i.label.az && i.label.en));
  const providers = all.providers.items;
  assert.ok(providers.length > 40);
  assert.equal(providers.find((p) => p.code === 'RITN').status !== 'active', true);
  assert.equal(dxer.codeLabel('fee-kinds', 'state_duty', 'en'), feeKinds.items.find((i) => i.code === 'state_duty').label.en);
  assert.equal(typeof dxer.codeLabel('providers', 'EN', 'az'), 'string');
  assert.equal(dxer.codeLabel('fee-kinds', 'no-such-code'), undefined);
  assert.throws(() => dxer.codeList('nope'), { name: 'Error', message: /no code list "nope"; the lists are providers, / });
  assert.throws(() => dxer.codeLabel('nope', 'x'), /no code list "nope"/);
});

test('schemas and version', () => {
  const record = dxer.schema();
  assert.equal(record.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(record.$id, /record\.schema\.json$/);
  assert.match(dxer.schema('reglament').$id, /reglament\.schema\.json$/);
  assert.throws(() => dxer.schema('x'), /not a document kind/);
  assert.match(dxer.version(), /^\d+\.\d+\.\d+/);
});
