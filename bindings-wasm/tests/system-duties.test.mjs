// The dated duties of information systems through the WebAssembly package: the shared fixtures
// (tests/fixtures/systems/<case>/case.json, the same as core/tests/system_duties.rs), the example cards of
// DXER and VEİS, and the policy's periods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { fixturesRoot, root } from './load.mjs';

const dir = path.join(fixturesRoot, 'systems');
const cases = fs.readdirSync(dir).sort().map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name, 'case.json'), 'utf8'))]);
const example = (name) => JSON.parse(fs.readFileSync(path.join(root, 'examples/information-systems', name), 'utf8'))[0];

function cardOf(c) {
  const card = JSON.parse(fs.readFileSync(path.join(root, c.base), 'utf8'))[0];
  for (const [pointer, value] of Object.entries(c.set ?? {})) {
    const tokens = pointer.split('/').slice(1);
    const name = tokens.pop();
    const parent = tokens.reduce((o, t) => o[t], card);
    if (value === null) delete parent[name];
    else parent[name] = value;
  }
  return card;
}

test('the system duty cases are present', () => assert.ok(cases.length >= 10, `${cases.length}`));

for (const [name, c] of cases) {
  test(`systems/${name}: same duties, standings and findings as Rust`, () => {
    const card = cardOf(c);
    if (c.status_error) {
      let error;
      try { dxer.systemStatusAt(card, c.on, c.policy); } catch (e) { error = e; }
      assert.ok(error, 'the status was computed');
      assert.deepEqual([error.code, error.pointer], c.status_error);
    } else {
      const rows = dxer.systemStatusAt(card, c.on, c.policy);
      assert.deepEqual(rows.map((s) => [s.duty.kind, s.duty.owner, s.duty.pointer, s.duty.due, s.standing, s.working_days]), c.status);
    }
    const found = dxer.systemDueFindings(card, c.on, 'en', c.policy);
    assert.deepEqual(found.map((f) => [f.code, f.pointer]), c.findings);
  });
}

test('the example cards: DXER and VEİS in G-cloud, in the personal-data register, with their due dates', () => {
  const [dxerCard, veis] = [example('dxer.json'), example('veis.json')];
  assert.equal(dxerCard.hosting, 'g_cloud');
  assert.ok(veis.personal_data_register);
  const [application] = dxer.systemDuties(JSON.stringify(dxerCard));
  assert.deepEqual(application, {
    kind: 'card_application', system: 'IS-DXER', owner: 'ASAN', from: '2026-05-06', due: '2026-05-26',
    pointer: '/lifecycle/0/on', done: true, done_on: '2026-05-22',
  });
  const duties = dxer.systemDuties(veis);
  assert.equal(duties.filter((d) => d.kind === 'ehis_supply').length, 18);
  assert.equal(duties[0].due, '2026-03-31');
});

test('the periods come from the policy (partial policies keep the law\'s defaults)', () => {
  const veis = example('veis.json');
  const dues = new Set(dxer.systemDuties(veis, { ehis_supply_within: { value: 3, unit: 'months' } })
    .filter((d) => d.kind === 'ehis_supply').map((d) => d.due));
  assert.deepEqual([...dues], ['2026-06-02']);
  const card = { ...example('dxer.json'), lifecycle: [{ event: 'created', on: '2026-05-06' }] };
  delete card.registered_on;
  assert.equal(dxer.systemDuties(card, { register_card_within: { value: 20, unit: 'working_days' } })[0].due, '2026-06-09');
  const [f] = dxer.systemDueFindings(card, '2026-06-01', 'ru');
  assert.equal(f.code, 'DXER-X008');
  assert.match(f.text, /создана: 2026-05-06/);
});

test('a card that is not a card throws a clear error', () => {
  assert.throws(() => dxer.systemDuties({ code: 'IS-X1' }), /card/);
  assert.throws(() => dxer.systemStatusAt(example('dxer.json'), '2026-13-01'), /not a date/);
});
