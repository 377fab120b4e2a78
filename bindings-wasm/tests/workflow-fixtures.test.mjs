// The shared workflow fixtures (tests/fixtures/workflow/<case>/case.json) through the WebAssembly package:
// the same states, duties and findings as the Rust tests (core/tests/workflow.rs, shared_workflow_fixtures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { fixturesRoot } from './load.mjs';

const dir = path.join(fixturesRoot, 'workflow');
const cases = fs.readdirSync(dir).sort().map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name, 'case.json'), 'utf8'))]);

function withSet(original, members) {
  const doc = structuredClone(original);
  for (const [pointer, value] of Object.entries(members ?? {})) {
    const tokens = pointer.split('/').slice(1);
    const name = tokens.pop();
    const parent = tokens.reduce((o, t) => o[t], doc);
    if (value === null) delete parent[name];
    else parent[name] = value;
  }
  return doc;
}

const recordOf = (c) => withSet(JSON.parse(fs.readFileSync(path.join(fixturesRoot, c.base, 'input.json'), 'utf8')), c.set);

test('the workflow cases are present', () => assert.ok(cases.length >= 10, `${cases.length}`));

for (const [name, c] of cases) {
  test(`workflow/${name}: same states, duties and findings as Rust`, () => {
    let record = recordOf(c);
    for (const step of c.steps) {
      if (step.amend) {
        const next = withSet(record, step.amend);
        if (step.error) {
          let error;
          try { dxer.amend(record, next, step.on); } catch (e) { error = e; }
          assert.ok(error, `the amendment of ${step.on} was accepted`);
          assert.deepEqual([error.code, error.pointer], step.error);
          continue;
        }
        const a = dxer.amend(record, next, step.on);
        assert.equal(a.record.version, step.version);
        assert.equal(a.previous.validity.valid_to ?? null, step.previous_valid_to);
        assert.deepEqual(a.changes.map((x) => x.pointer), step.changes);
        record = a.record;
        continue;
      }
      if (step.error) {
        let error;
        try { dxer.applyEvent(record, step.event, step.on, c.policy); } catch (e) { error = e; }
        assert.ok(error, `${JSON.stringify(step.event)} on ${step.on} was accepted`);
        assert.deepEqual([error.code, error.pointer], step.error);
        continue;
      }
      const t = dxer.applyEvent(record, step.event, step.on, c.policy);
      assert.equal(t.to, step.to);
      assert.deepEqual(t.duties.map((d) => [d.kind, d.due]), step.duties);
      record = t.record;
    }
    if (c.due) {
      const found = dxer.dueFindings(record, c.due.on, c.policy);
      assert.deepEqual(found.map((f) => [f.code, f.pointer]), c.due.findings);
    }
  });
}
