// Hostile JSON text (tests/hostile/json, shared with core/tests/hostile_json.rs and the Python tests): duplicate
// member names, byte order marks, a syntax error's position, links that are not web addresses, hidden
// characters: the same findings through the WebAssembly package. JSON Lines files need the registry, which
// this package does not carry; their lines are checked one by one here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { root, pairs } from './load.mjs';

const dir = path.join(root, 'tests/hostile/json');
const { cases } = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'));

test('the hostile files are there', () => {
  assert.ok(cases.length >= 14, `${cases.length} cases`);
});

for (const c of cases) {
  test(`hostile/${c.file}`, () => {
    const bytes = fs.readFileSync(path.join(dir, c.file));
    if (c.file.endsWith('.jsonl')) {
      const lines = bytes.toString('utf8').split('\n');
      for (const [line, expected] of Object.entries(c.lines)) {
        assert.deepEqual(pairs(dxer.validate(lines[Number(line) - 1])), expected, `line ${line}`);
      }
      return;
    }
    for (const input of [new Uint8Array(bytes), bytes.toString('utf8')]) {
      const report = dxer.validate(input, 'en');
      assert.deepEqual(pairs(report), c.findings);
      if (c.ok !== undefined) assert.equal(report.ok, c.ok);
      const first = report.findings[0];
      if (c.message_en) assert.ok(first.text.includes(c.message_en), first.text);
      if (c.fix) assert.equal(first.fix, c.fix);
      if (c.position) assert.deepEqual(first.position, c.position);
    }
  });
}

test('a BOM-led record validates as it does without the mark', () => {
  const text = fs.readFileSync(path.join(dir, 'bom.json'), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff);
  const withMark = dxer.validate(text);
  const without = dxer.validate(text.slice(1));
  assert.deepEqual(pairs(withMark), [['DXER-J005', '']]);
  assert.equal(withMark.findings[0].severity, 'info');
  assert.deepEqual(without.findings, []);
});
