// The one options contract: the shared cases of tests/options/cases.json (also run by the core, the
// command and Python) through the options object of `validate`. JavaScript accepts and refuses what the
// core does, and throws the core's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { root } from './load.mjs';

const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests/options/cases.json'), 'utf8'));
const valid = fs.readFileSync(path.join(root, 'tests/fixtures/valid/identity-card/input.json'), 'utf8');

test('the shared cases were read', () => {
  assert.ok(cases.length >= 30, `cases: ${cases.length}`);
});

for (const c of cases) {
  test(`options contract: ${c.name}`, () => {
    if (c.accepted) {
      const report = dxer.validate(valid, 'en', c.options);
      assert.equal(typeof report.ok, 'boolean');
    } else {
      assert.throws(() => dxer.validate(valid, 'en', c.options), (e) => {
        assert.ok(e instanceof Error);
        assert.ok(e.message.startsWith('options: '), e.message);
        assert.ok(e.message.includes(c.error_contains), `${e.message} does not say ${c.error_contains}`);
        return true;
      });
    }
  });
}

test('a misspelled rule code is refused with the nearest code (it used to be accepted silently)', () => {
  assert.throws(() => dxer.validate(valid, 'en', { ruleLevels: { 'DXER-E05': 'off' } }),
    /unknown rule code DXER-E05; did you mean DXER-E005\?/);
});

test('options take effect in either spelling', () => {
  for (const options of [{ maxStringBytes: 1 }, { max_string_bytes: 1 }]) {
    const report = dxer.validate(valid, 'en', options);
    assert.equal(report.ok, false);
    assert.ok(report.findings.every((f) => f.code === 'DXER-J003'));
  }
  const off = dxer.validate(valid, 'en', { max_string_bytes: 1, rule_levels: { 'DXER-J003': 'off' } });
  assert.equal(off.findings.length, 0);
});
