// The shared conformance suite (tests/fixtures) through the WebAssembly package: exactly the same
// (code, pointer) findings as the Rust library (core/tests/conformance.rs), for every input form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { fixtures, pairs } from './load.mjs';

const valid = fixtures('valid');
const invalid = fixtures('invalid');
// Real published reglaments and service cards, encoded faithfully (tests/fixtures/real/<slug>/SOURCE.md).
const real = fixtures('real');

// Where a JS object cannot carry what the JSON text says, the object path differs by design:
// JSON.parse turns 1.0 into 1 (so the typed model accepts it), keeps one of two members of the same name
// (an object cannot carry the duplicate) and cannot parse invalid JSON at all.
const OBJECT_PATH_DIFFERS = new Set(['dxer-s007-integer-written-as-decimal', 'dxer-j004-duplicate-member-name']);

test('fixture suite is present', () => {
  assert.ok(valid.length >= 6, `valid fixtures: ${valid.length}`);
  assert.ok(invalid.length >= 60, `invalid fixtures: ${invalid.length}`);
  assert.ok(real.length >= 8, `real documents: ${real.length}`);
});

for (const [group, cases] of [['valid', valid], ['invalid', invalid], ['real', real]]) {
  for (const c of cases) {
    test(`${group}/${c.name}: same findings as Rust`, () => {
      // Bytes: exactly what the Rust suite feeds.
      const fromBytes = dxer.validate(new Uint8Array(c.bytes));
      assert.deepEqual(pairs(fromBytes), c.expected);
      if (group === 'valid') assert.equal(fromBytes.ok, true);
      if (c.isBinary) return;
      // JSON text: the fast path.
      const text = c.bytes.toString('utf8');
      const fromText = dxer.validate(text);
      assert.deepEqual(pairs(fromText), c.expected);
      assert.deepEqual(fromText, fromBytes);
      // A plain object, when JS can parse the text.
      let object;
      try { object = JSON.parse(text); } catch { return; }
      const fromObject = dxer.validate(object);
      if (OBJECT_PATH_DIFFERS.has(c.name)) {
        assert.notDeepEqual(pairs(fromObject), c.expected, `${c.name} is listed as differing on the object path`);
      } else {
        assert.deepEqual(pairs(fromObject), c.expected);
      }
    });
  }
}

test('every finding carries code, severity, pointer, three messages, provision and the chosen text', () => {
  for (const c of invalid) {
    for (const lang of ['az', 'en', 'ru']) {
      const report = dxer.validate(new Uint8Array(c.bytes), lang);
      assert.equal(report.kind === 'record' || report.kind === 'reglament', true);
      assert.equal(report.ok, !report.findings.some((f) => f.severity === 'error'));
      for (const f of report.findings) {
        assert.match(f.code, /^DXER-[A-Z]\d{3}$/);
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.equal(typeof f.pointer, 'string');
        for (const l of ['az', 'en', 'ru']) assert.ok(f.message[l].length > 0, `${c.name} ${f.code} ${l}`);
        assert.equal(f.text, f.message[lang]);
        assert.ok(f.provision.length > 0);
      }
    }
  }
});

test('DXER-F003 in three languages, with the catalogue entry it comes from', () => {
  const c = invalid.find((x) => x.name === 'dxer-f003-zero-fee');
  const en = dxer.validate(c.bytes.toString('utf8'), 'en').findings[0];
  const ru = dxer.validate(c.bytes.toString('utf8'), 'ru').findings[0];
  assert.equal(en.code, 'DXER-F003');
  assert.equal(en.pointer, '/reglament/standard/fees/tiers/1/amount');
  assert.notEqual(en.text, ru.text);
  assert.match(ru.text, /[а-я]/);
  const rule = dxer.rules().find((r) => r.code === 'DXER-F003');
  assert.equal(rule.severity, en.severity);
  assert.equal(rule.provision, en.provision);
});

test('options: rule levels, document kind, today', () => {
  const c = invalid.find((x) => x.name === 'dxer-e005-no-scanned-copies');
  const text = c.bytes.toString('utf8');
  const base = dxer.validate(text);
  assert.ok(base.findings.some((f) => f.code === 'DXER-E005'));
  const off = dxer.validate(text, 'en', { ruleLevels: { 'DXER-E005': 'off' } });
  assert.ok(!off.findings.some((f) => f.code === 'DXER-E005'));
  const raised = dxer.validate(text, 'en', { ruleLevels: { 'DXER-E005': 'error' } });
  assert.equal(raised.findings.find((f) => f.code === 'DXER-E005').severity, 'error');
  assert.equal(raised.ok, false);
  const asReglament = dxer.validate(text, 'en', { kind: 'reglament' });
  assert.equal(asReglament.kind, 'reglament');
  assert.equal(asReglament.ok, false);
  const withToday = dxer.validate(text, 'en', { today: '2026-07-01', hoursPerWorkingDay: 8 });
  assert.deepEqual(pairs(withToday), pairs(base));
});

test('the results are deterministic', () => {
  for (const c of [...valid, ...invalid]) {
    assert.deepEqual(dxer.validate(new Uint8Array(c.bytes)), dxer.validate(new Uint8Array(c.bytes)));
  }
});
