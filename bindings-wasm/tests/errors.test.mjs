// Bad input from JS: findings for bad documents, thrown Errors for bad arguments, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { readFixture, pairs } from './load.mjs';

const codes = (r) => r.findings.map((f) => f.code);

test('invalid JSON text is a located finding, not an exception', () => {
  const r = dxer.validate('{"record_id": "X",', 'en');
  assert.deepEqual(codes(r), ['DXER-J001']);
  assert.match(r.findings[0].text, /line 1, column \d+/);
  assert.deepEqual(codes(dxer.validate('')), ['DXER-J001']);
});

test('invalid UTF-8 bytes are DXER-J002', () => {
  const bytes = new TextEncoder().encode('{"a": "x"}');
  bytes[7] = 0xff;
  const r = dxer.validate(bytes, 'en');
  assert.deepEqual(codes(r), ['DXER-J002']);
  assert.match(r.findings[0].text, /byte 7/);
});

test('deep nesting, as text or as an object, is a finding', () => {
  const depth = 100000;
  const text = '['.repeat(depth) + ']'.repeat(depth);
  // One input finding (which one is the core's business: the fixtures pin it), never a trap.
  const one = (r) => r.findings.length === 1 && /^DXER-J00[13]$/.test(r.findings[0].code) && r.findings[0].pointer === '';
  assert.ok(one(dxer.validate(text)), JSON.stringify(codes(dxer.validate(text))));
  assert.deepEqual(codes(dxer.validate('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]')), ['DXER-J003']);
  let nested = [];
  for (let i = 0; i < 1000; i++) nested = [nested];
  const fromObject = dxer.validate({ reglament: nested });
  assert.ok(one(fromObject), JSON.stringify(codes(fromObject)));
  assert.deepEqual(fromObject, dxer.validate(JSON.stringify({ reglament: nested })));
  // Deeper than the engine's own JSON.stringify can go: its RangeError becomes a clear Error.
  for (let i = 0; i < 200000; i++) nested = [nested];
  assert.throws(() => dxer.validate(nested), { name: 'Error', message: /^input: cannot be written as JSON \(Maximum call stack size exceeded\)/ });
  assert.equal(dxer.validate('{}').ok, false, 'still healthy');
});

test('wrong types are structural findings at their pointers', () => {
  assert.deepEqual(codes(dxer.validate(42)), ['DXER-S003']);
  assert.deepEqual(codes(dxer.validate(null)), ['DXER-S003']);
  assert.deepEqual(codes(dxer.validate('"text"')), ['DXER-S003']);
  assert.deepEqual(codes(dxer.validate([])), ['DXER-S003']);
  const rec = JSON.parse(readFixture('valid', 'identity-card'));
  rec.version = 'one';
  rec.reglament.standard.fees.tiers = { not: 'a list' };
  assert.deepEqual(pairs(dxer.validate(rec)), [
    ['DXER-S003', '/reglament/standard/fees/tiers'],
    ['DXER-S003', '/version'],
  ]);
});

test('an input over the size limit is DXER-J003', () => {
  const big = JSON.stringify({ x: 'a'.repeat(2048) });
  assert.deepEqual(codes(dxer.validate(big, 'en', { maxInputBytes: 1024 })), ['DXER-J003']);
  const huge = '"' + 'a'.repeat(17 * 1024 * 1024) + '"';
  assert.deepEqual(codes(dxer.validate(huge)), ['DXER-J003']);
});

test('a list or a string over its limit is DXER-J003 at its own pointer, and the limits can be raised', () => {
  const rec = JSON.parse(readFixture('valid', 'identity-card'));
  const grounds = rec.reglament.procedure.refusal_grounds;
  rec.reglament.procedure.refusal_grounds = Array(10001).fill(grounds[0]);
  const text = JSON.stringify(rec);
  const report = dxer.validate(text, 'en');
  assert.equal(report.ok, false);
  assert.deepEqual(pairs(report), [['DXER-J003', '/reglament/procedure/refusal_grounds']]);
  assert.match(report.findings[0].text, /10001 items in one list, more than the limit of 10000/);
  assert.deepEqual(pairs(dxer.validate(text, 'en', { maxListItems: 10001 })), []);

  const rec2 = JSON.parse(readFixture('valid', 'identity-card'));
  rec2.reglament.standard.documents[1].name.az = 'ə'.repeat(512 * 1024) + 'x'; // 1 MiB + 1 byte of UTF-8
  assert.deepEqual(pairs(dxer.validate(rec2, 'en')), [['DXER-J003', '/reglament/standard/documents/1/name/az']]);
  assert.deepEqual(pairs(dxer.validate(rec2, 'en', { maxStringBytes: 1024 * 1024 + 1 })), []);
});

test('arguments that cannot be a document are thrown Errors with the reason', () => {
  assert.throws(() => dxer.validate(), { name: 'Error', message: /input: missing; pass JSON text, a Uint8Array of UTF-8 JSON, or an object/ });
  assert.throws(() => dxer.validate(undefined), /input: missing/);
  assert.throws(() => dxer.validate(() => 1), /input: a function cannot be written as JSON/);
  assert.throws(() => dxer.validate(Symbol('x')), /input: a symbol cannot be written as JSON/);
  const cyclic = { a: {} };
  cyclic.a.b = cyclic;
  assert.throws(() => dxer.validate(cyclic), /input: cannot be written as JSON \(.*circular.*\)/is);
  assert.throws(() => dxer.validate({ n: 10n }), /input: cannot be written as JSON \(.*BigInt.*\)/);
  assert.throws(() => dxer.validate('{}', 'fr'), { message: 'lang: unknown language "fr"; expected az, en or ru' });
  assert.throws(() => dxer.validate('{}', 'en', { kind: 'letter' }), /options: kind: unknown value "letter"; expected auto, record or reglament/);
  assert.throws(() => dxer.validate('{}', 'en', { todya: '2026-01-01' }), /options: unknown option "todya"; did you mean today\?/);
  assert.throws(() => dxer.validate('{}', 'en', { today: '1 May' }), /options: today: "1 May" is not a date/);
  assert.throws(() => dxer.validate('{}', 'en', { ruleLevels: { 'DXER-E005': 'loud' } }), /unknown value "loud"/);
});

test('mutated records never throw or trap (deterministic fuzz over the valid fixtures)', () => {
  let seed = 12345;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const junk = [null, 0, -1, 1.5, 2 ** 53, '', 'x'.repeat(300), 'Şəki', 'Шеки', [], {}, [1, 'a'], { az: '' }, true, '2026-02-30', 'DX-1'];
  const base = JSON.parse(readFixture('valid', 'driving-licence-variants'));
  const paths = [];
  const walk = (v, p) => {
    paths.push(p);
    if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...p, k]);
  };
  walk(base, []);
  for (let i = 0; i < 400; i++) {
    const doc = structuredClone(base);
    for (let m = 0; m < 1 + rand(4); m++) {
      const p = paths[1 + rand(paths.length - 1)];
      let parent = doc;
      for (const k of p.slice(0, -1)) parent = parent?.[k];
      if (!parent || typeof parent !== 'object') continue;
      const key = p[p.length - 1];
      if (rand(3) === 0) delete parent[key]; else parent[key] = structuredClone(junk[rand(junk.length)]);
    }
    const report = dxer.validate(JSON.stringify(doc));
    assert.equal(typeof report.ok, 'boolean');
    for (const f of report.findings) assert.match(f.code, /^DXER-/);
    // Every other export either answers or throws a plain Error (never a wasm trap).
    for (const fn of [dxer.toHtml, dxer.toCpsvJsonLd, dxer.toSchemaOrg, dxer.digest, dxer.duties, (t) => dxer.statusAt(t, '2026-06-30')]) {
      try { fn(JSON.stringify(doc)); } catch (e) {
        assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${fn.name}: ${e}`);
      }
    }
    // Cut the text anywhere: still a report.
    const text = JSON.stringify(doc);
    assert.equal(typeof dxer.validate(text.slice(0, rand(text.length))).ok, 'boolean');
  }
  // The instance is still healthy after all of it.
  assert.equal(dxer.validate(readFixture('valid', 'identity-card')).ok, true);
});
