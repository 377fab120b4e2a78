// validate(object): in a build with the `object-direct` feature (scripts/test-wasm builds one and runs this
// file against it, DXER_WASM_PKG) it reads a plain object straight into the typed model (src/object.rs and
// the core's dxer::validate_deserializer) and falls back to JSON.stringify where the core's direct path
// cannot answer; in the packages, it writes the object with JSON.stringify. Either way the report must be
// exactly that of validate(JSON.stringify(object)), for every conformance fixture and for mutations of
// every member of the valid ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { fixtures } from './load.mjs';

const direct = typeof dxer.objectDirect === 'function' && dxer.objectDirect();

// Findings that only JSON text can carry (syntax, encoding, duplicate members, BOM, unpaired surrogates):
// an object never has them, so a fixture expecting one is compared on its parsed object only.
const TEXT_ONLY = /^DXER-J00[12456]$/;

const groups = ['valid', 'invalid', 'real'].map((g) => [g, fixtures(g)]);
const parsed = (c) => {
  if (c.isBinary) return undefined;
  try { return JSON.parse(c.bytes.toString('utf8')); } catch { return undefined; }
};
const same = (object, what, lang = 'en', options = undefined) => {
  const direct = dxer.validate(object, lang, options);
  const stringified = dxer.validate(JSON.stringify(object), lang, options);
  assert.deepEqual(direct, stringified, what);
  return direct;
};

for (const [group, cases] of groups) {
  test(`${group}: validate(object) is validate(JSON.stringify(object)) for every fixture`, () => {
    let compared = 0;
    for (const c of cases) {
      const object = parsed(c);
      if (object === undefined || typeof object !== 'object' || object === null) continue;
      same(object, `${group}/${c.name}`);
      compared++;
    }
    assert.ok(compared >= cases.length * 0.8, `compared ${compared} of ${cases.length}`);
  });
}

// Every member of an object, at any depth, as [parent, key] pairs.
function* members(value) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { yield [value, i]; yield* members(value[i]); }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) { yield [value, k]; yield* members(value[k]); }
  }
}

// What a member is replaced with: absent, null, and values of other types or out of range.
const REPLACEMENTS = [undefined, null, '', ' padded ', 'x'.repeat(3000), 0, -1, 1.5, 2 ** 53, true, [], {}, ['x'], { code: 'x' }];

test('mutations of every member of every valid fixture: the same report from the object as from its text', () => {
  let compared = 0;
  const seen = new Set();
  for (const c of fixtures('valid')) {
    const original = parsed(c);
    const count = [...members(original)].length;
    for (let n = 0; n < count; n++) {
      for (const [r, replacement] of REPLACEMENTS.entries()) {
        // Every member with a few replacements; each replacement on every third member (time).
        if ((n + r) % 3 !== 0 && r > 2) continue;
        const copy = structuredClone(original);
        const [parent, key] = [...members(copy)][n];
        if (replacement === undefined) {
          if (Array.isArray(parent)) parent.splice(key, 1); else delete parent[key];
        } else {
          parent[key] = structuredClone(replacement);
        }
        const report = same(copy, `${c.name}: member ${n} (${String(key)}) := ${JSON.stringify(replacement)?.slice(0, 20)}`);
        for (const f of report.findings) seen.add(f.code);
        compared++;
      }
    }
  }
  assert.ok(compared > 2000, `compared ${compared}`);
  // The mutations reach the schema layer, the model's checks and the rules, not only valid documents.
  assert.ok([...seen].some((c) => c.startsWith('DXER-S')), [...seen].join(' '));
  assert.ok(seen.size >= 15, `${seen.size} distinct codes: ${[...seen].join(' ')}`);
});

test('an object with an undefined member, a function, a Date or a non-finite number: as JSON.stringify writes it', () => {
  const base = parsed(fixtures('valid')[0]);
  const cases = {
    undefinedMember: { ...base, extra: undefined },
    functionMember: { ...base, extra: () => 1 },
    date: { ...base, reglament: { ...base.reglament, general: { ...base.reglament.general, service_code: new Date(0) } } },
    nan: { ...base, version: NaN },
    infinity: { ...base, version: Infinity },
    nullPrototype: Object.assign(Object.create(null), base),
  };
  for (const [name, object] of Object.entries(cases)) same(object, name);
  assert.equal(dxer.validate(cases.undefinedMember).ok, true, 'an undefined member is left out, as by JSON.stringify');
});

test('a string with an unpaired surrogate falls back to the text path (its DXER-J006), not to U+FFFD', () => {
  const base = parsed(fixtures('valid')[0]);
  const broken = { ...base, reglament: { ...base.reglament, general: { ...base.reglament.general } } };
  const key = Object.keys(broken.reglament.general).find((k) => typeof broken.reglament.general[k] === 'string');
  broken.reglament.general[key] = `a\ud800b`;
  const report = same(broken, 'unpaired surrogate');
  assert.ok(report.findings.some((f) => f.code === 'DXER-J006'), JSON.stringify(report.findings.map((f) => f.code)));
});

test('the size limit: an object whose JSON is longer than maxInputBytes gets the text path\'s DXER-J003', () => {
  const base = parsed(fixtures('valid')[0]);
  const length = JSON.stringify(base).length;
  for (const limit of [Math.floor(length / 2), length - 1, length, 2 * length, 2 * length + 64]) {
    same(base, `maxInputBytes ${limit}`, 'en', { maxInputBytes: limit });
  }
  assert.equal(dxer.validate(base, 'en', { maxInputBytes: length - 1 }).findings[0].code, 'DXER-J003');
});

test('with object-direct, a valid object is read once, without JSON.stringify; without it, through JSON.stringify', () => {
  // A getter counts the reads of one member: the direct path reads it once; the stringify fallback again.
  const counted = (object) => {
    let reads = 0;
    const value = object.record_id;
    Object.defineProperty(object, 'record_id', { enumerable: true, get: () => { reads++; return value; } });
    return () => reads;
  };
  const valid = parsed(fixtures('valid')[0]);
  const reads = counted(valid);
  assert.equal(dxer.validate(valid).ok, true);
  if (direct) assert.equal(reads(), 1, 'a valid record: read once, straight into the model');
  else assert.equal(reads(), 1, 'a valid record: read once, by JSON.stringify');
  const invalid = { ...parsed(fixtures('valid')[0]), status: 42 };
  const invalidReads = counted(invalid);
  assert.equal(dxer.validate(invalid).ok, false);
  if (direct) assert.ok(invalidReads() >= 2, 'a record the schema refuses: read, then JSON.stringify');
  else assert.equal(invalidReads(), 1, 'a record the schema refuses: JSON.stringify only');
});

test('values JSON does not hold as they are (Map, Set, [] for an object, toJSON, class instances): as JSON.stringify writes them', () => {
  const base = parsed(fixtures('valid')[0]);
  const general = base.reglament.general;
  const at = (g) => ({ ...base, reglament: { ...base.reglament, general: g } });
  same(at(new Map(Object.entries(general))), 'Map for an object');
  same(at([]), 'empty array for an object');
  same(at(Object.entries(general)), 'entries for an object');
  same(at({ ...general, channels: new Set(general.channels) }), 'Set for an array');
  same(at({ ...general, toJSON: () => general }), 'toJSON');
  same(at({ ...general, service_code: new String(general.service_code) }), 'String object');
  class Doc { constructor(o) { Object.assign(this, o); } }
  same(new Doc(base), 'class instance');
  same([base], 'array');
});
