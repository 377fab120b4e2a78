// The edges of the boundary: a document too large to copy into wasm memory is refused from its length
// (DXER-J003) before any copy, and a JS string with an unpaired UTF-16 surrogate is reported (DXER-J006)
// instead of being read with U+FFFD in its place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { readFixture, pkgDir } from './load.mjs';

// The module's exports (already instantiated: initSync hands back the same instance), for its memory.
const wasm = dxer.initSync({ module: fs.readFileSync(path.join(pkgDir, 'dxer_bg.wasm')) });
const memory = () => wasm.memory.buffer.byteLength;
const codes = (r) => r.findings.map((f) => f.code);
const MiB = 1024 * 1024;
const DEFAULT_LIMIT = 16 * MiB; // Options::default().max_input_bytes

test('a Uint8Array over max_input_bytes is DXER-J003 with its exact size', () => {
  const r = dxer.validate(new Uint8Array(101), 'en', { maxInputBytes: 100 });
  assert.deepEqual(codes(r), ['DXER-J003']);
  assert.equal(r.findings[0].pointer, '');
  assert.match(r.findings[0].text, /101 bytes, more than the limit of 100 bytes/);
  // Within the limit the bytes are read as before.
  assert.deepEqual(codes(dxer.validate(new TextEncoder().encode('{"a":'), 'en', { maxInputBytes: 100 })), ['DXER-J001']);
});

test('an oversized Uint8Array or string is refused before it is copied into wasm memory', () => {
  dxer.validate('{}'); // settle the allocator
  const before = memory();
  const grown = () => memory() - before;
  const bytes = new Uint8Array(4 * DEFAULT_LIMIT); // 64 MiB, over the default limit
  const fromBytes = dxer.validate(bytes, 'en');
  // The old binding copied the 64 MiB into wasm memory first (and grew it by that much).
  assert.ok(grown() < DEFAULT_LIMIT, `wasm memory grew by ${grown()} bytes for a Uint8Array`);
  assert.deepEqual(codes(fromBytes), ['DXER-J003']);
  assert.match(fromBytes.findings[0].text, new RegExp(`${bytes.length} bytes, more than the limit of ${DEFAULT_LIMIT} bytes`));
  const text = 'x'.repeat(4 * DEFAULT_LIMIT);
  const fromText = dxer.validate(text, 'en');
  assert.ok(grown() < DEFAULT_LIMIT, `wasm memory grew by ${grown()} bytes for a string`);
  assert.deepEqual(codes(fromText), ['DXER-J003']);
  // A string's UTF-8 size is not known without encoding it; its length in UTF-16 units is a lower bound.
  assert.match(fromText.findings[0].text, new RegExp(`at least ${text.length} bytes, more than the limit`));
  const fromObject = dxer.validate({ name: text }, 'en');
  assert.ok(grown() < DEFAULT_LIMIT, `wasm memory grew by ${grown()} bytes for an object`);
  assert.deepEqual(codes(fromObject), ['DXER-J003']);
});

test('a string within max_input_bytes in UTF-16 units but over it in UTF-8 is DXER-J003 from the core', () => {
  const r = dxer.validate(`"${'é'.repeat(60)}"`, 'en', { maxInputBytes: 100 });
  assert.deepEqual(codes(r), ['DXER-J003']);
  assert.match(r.findings[0].text, /122 bytes, more than the limit of 100 bytes/);
});

test('every entry point that takes a document refuses an oversized one before copying it', () => {
  const big = new Uint8Array(DEFAULT_LIMIT + 1);
  for (const [name, call] of [
    ['toCpsvJsonLd', () => dxer.toCpsvJsonLd(big)],
    ['toHtml', () => dxer.toHtml(big)],
    ['toMarkdown', () => dxer.toMarkdown(big)],
    ['toSchemaOrg', () => dxer.toSchemaOrg(big)],
    ['digest', () => dxer.digest(big)],
    ['canonicalJson', () => dxer.canonicalJson(big)],
    ['withDigest', () => dxer.withDigest(big)],
    ['verifyDigest', () => dxer.verifyDigest(big)],
    ['duties', () => dxer.duties(big)],
    ['statusAt', () => dxer.statusAt(big, '2026-03-02')],
    ['dueFindings', () => dxer.dueFindings(big, '2026-03-02')],
    ['applyEvent', () => dxer.applyEvent(big, 'submit', '2026-03-02')],
    ['amend', () => dxer.amend(big, big, '2026-03-02')],
    ['systemDuties', () => dxer.systemDuties(big)],
    ['fromCpsvJsonLd', () => dxer.fromCpsvJsonLd('x'.repeat(DEFAULT_LIMIT + 1))],
  ]) {
    assert.throws(call, (e) => {
      assert.equal(e.code, 'DXER-J003', `${name}: ${e.message}`);
      assert.equal(e.finding.code, 'DXER-J003', name);
      assert.match(e.message, /more than the limit of 16777216 bytes/, name);
      return true;
    });
  }
});

test('a Uint8Array of 2 GiB is DXER-J003, not a wasm trap', (t) => {
  let bytes;
  try {
    bytes = new Uint8Array(2 ** 31);
  } catch (e) {
    t.skip(`cannot allocate 2 GiB here: ${e.message}`);
    return;
  }
  // The old binding copied it into wasm memory: "RuntimeError: unreachable".
  const r = dxer.validate(bytes, 'en');
  assert.deepEqual(codes(r), ['DXER-J003']);
  assert.match(r.findings[0].text, /2147483648 bytes, more than the limit/);
  assert.equal(dxer.validate('{}').ok, false, 'still healthy');
});

test('a JS string with an unpaired surrogate is DXER-J006 at its UTF-16 index, line and column', () => {
  const text = '{\n  "record_id": "REC-\ud800"\n}';
  const r = dxer.validate(text, 'en');
  // The old binding read "REC-\ufffd" and reported the record's missing fields, ok = false but no word
  // of the lost character.
  assert.deepEqual(codes(r), ['DXER-J006']);
  assert.equal(r.findings[0].pointer, '');
  assert.equal(r.findings[0].severity, 'error');
  assert.equal(text.indexOf('\ud800'), 22);
  assert.match(r.findings[0].text, /U\+D800 at UTF-16 index 22 \(line 2, column 21\)/);
  assert.match(r.findings[0].message.az, /UTF-16 indeksi 22 \(sətir 2, sütun 21\)/);
  assert.match(r.findings[0].message.ru, /UTF-16 позиции 22 \(строка 2, столбец 21\)/);
  // A lone low half, after a well-formed pair.
  const low = dxer.validate('"\ud83d\ude00\udc00"', 'en');
  assert.match(low.findings[0].text, /U\+DC00 at UTF-16 index 3 \(line 1, column 3\)/);
  // Rule levels apply to it like to any finding.
  assert.equal(dxer.validate(text, 'en', { ruleLevels: { 'DXER-J006': 'warning' } }).findings[0].severity, 'warning');
});

test('a record that is otherwise valid is not ok with a lone surrogate in a name', () => {
  const record = JSON.parse(readFixture('valid', 'identity-card'));
  assert.equal(dxer.validate(record).ok, true);
  record.reglament.general.name.en += '\ud835';
  // As an object (JSON.stringify writes the escape "\ud835") and as text (the character itself).
  for (const input of [record, JSON.stringify(record, null, 1).replace('\\ud835', '\ud835')]) {
    const r = dxer.validate(input, 'en');
    assert.equal(r.ok, false, typeof input);
    assert.deepEqual(codes(r), ['DXER-J006'], typeof input);
  }
});

test('a real U+FFFD is not a lone surrogate', () => {
  const r = dxer.validate('{"record_id": "\ufffd"}', 'en');
  assert.ok(!codes(r).includes('DXER-J006'), JSON.stringify(codes(r)));
});

test('entry points that need a record throw the J006 finding', () => {
  const record = JSON.parse(readFixture('valid', 'identity-card'));
  const text = JSON.stringify(record).replace('"az"', '"a\ud800z"');
  assert.throws(() => dxer.duties(text), (e) => e.code === 'DXER-J006' && /UTF-16 index/.test(e.message));
  assert.throws(() => dxer.digest(text), (e) => e.code === 'DXER-J006');
  assert.throws(() => dxer.toHtml(text), (e) => e.report.findings[0].code === 'DXER-J006');
  assert.throws(() => dxer.fromCpsvJsonLd(text), (e) => e.code === 'DXER-J006');
});

test('a lone surrogate is found wherever it falls in the converted bytes, a real U+FFFD is not one', () => {
  // The binding looks for U+FFFD (EF BF BD) eight bytes at a time: every offset of a word, and a last
  // partial word, with one- and two-byte characters before it.
  for (const before of ['', 'ə']) {
    for (let k = 0; k < 20; k++) {
      const pad = before + 'a'.repeat(k);
      assert.deepEqual(codes(dxer.validate(`"${pad}\ud800"`, 'en')), ['DXER-J006'], `lone at ${k}`);
      assert.deepEqual(codes(dxer.validate(`"${pad}\ud800${'b'.repeat(k)}"`, 'en')), ['DXER-J006'], `lone at ${k}, more after`);
      assert.ok(!codes(dxer.validate(`"${pad}\ufffd"`, 'en')).includes('DXER-J006'), `real at ${k}`);
    }
  }
});
