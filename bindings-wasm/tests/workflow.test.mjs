// Workflow deadlines: duties, standing on a date, events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { readFixture } from './load.mjs';

const submittedText = readFixture('valid', 'identity-card'); // submitted on 2026-06-10
const draft = () => {
  const r = JSON.parse(submittedText);
  r.status = 'draft';
  delete r.submission;
  return r;
};

test('duties: a draft owes its submission 30 working days after the creating act', () => {
  const [duty] = dxer.duties(draft());
  assert.deepEqual(duty, { kind: 'submission', owner: 'provider', from: '2026-05-06', due: '2026-06-24', pointer: '/creating_act/entry_into_force' });
  const [review] = dxer.duties(submittedText);
  assert.equal(review.kind, 'review');
  assert.equal(review.owner, 'operator');
  assert.equal(review.due, '2026-06-22'); // 7 working days after 10 June; 15 June is a holiday
});

test('statusAt: on time, due soon, overdue', () => {
  assert.equal(dxer.statusAt(draft(), '2026-06-01')[0].standing, 'on_time');
  const soon = dxer.statusAt(draft(), '2026-06-23')[0];
  assert.equal(soon.standing, 'due_soon');
  assert.equal(soon.working_days, 1);
  // Due 24 June; 26 June (Armed Forces Day) and the weekend are off: 29 June is 2 working days late.
  const late = dxer.statusAt(draft(), '2026-06-29')[0];
  assert.equal(late.standing, 'overdue');
  assert.equal(late.working_days, 2);
  const found = dxer.dueFindings(draft(), '2026-06-29', 'en');
  assert.deepEqual(found.map((f) => [f.code, f.pointer]), [['DXER-W010', '/creating_act/entry_into_force']]);
  assert.equal(found[0].text, found[0].message.en);
  // A policy changes the numbers, not the code.
  const tight = dxer.statusAt(draft(), '2026-06-01', { submit_within: { value: 10, unit: 'working_days' } })[0];
  assert.equal(tight.standing, 'overdue');
  assert.throws(() => dxer.duties(draft(), { submit_in: 3 }), /policy: unknown field "submit_in"/);
});

test('regime_start: the submission clock starts no earlier than the model form (6 May 2026)', () => {
  const record = draft();
  assert.equal(record.creating_act.entry_into_force, '2025-12-03');
  assert.equal(dxer.duties(record)[0].from, '2026-05-06');
  assert.equal(dxer.duties(record, { regime_start: null })[0].from, '2025-12-03');
  const later = dxer.duties(record, { regime_start: '2026-07-01' })[0];
  assert.deepEqual([later.from, later.due], ['2026-07-01', '2026-08-12']);
});

test('applyEvent: transitions with new duties; refused events throw the core finding', () => {
  const t = dxer.applyEvent(submittedText, 'start_review', '2026-06-11');
  assert.equal(t.from, 'submitted');
  assert.equal(t.to, 'under_review');
  assert.equal(t.record.status, 'under_review');
  assert.equal(t.record.review.started, '2026-06-11');
  assert.equal(t.duties[0].due, '2026-06-22');
  const back = dxer.applyEvent(t.record, { event: 'return', defects: [{ az: 'Ödəniş məbləği yanlışdır' }] }, '2026-06-12');
  assert.equal(back.to, 'returned');
  assert.equal(back.duties[0].kind, 'fix');
  assert.equal(back.duties[0].due, '2026-06-24'); // 7 working days after 12 June (15 June off)
  let error;
  try { dxer.applyEvent(t.record, 'resubmit', '2026-06-12', undefined, 'en'); } catch (e) { error = e; }
  assert.ok(error instanceof Error);
  assert.equal(error.code, 'DXER-W001');
  assert.equal(error.pointer, '/status');
  assert.equal(error.finding.code, 'DXER-W001');
  assert.equal(error.finding.text, error.finding.message.en);
  assert.match(error.message, /^DXER-W001 at "\/status": /);
  assert.throws(() => dxer.applyEvent(t.record, { event: 'return', defects: [] }, '2026-06-12'), { code: 'DXER-W006' });
  assert.throws(() => dxer.applyEvent(t.record, 'register', '2026-06-01'), { code: 'DXER-W002' });
  assert.throws(() => dxer.applyEvent(t.record, 'fly', '2026-06-12'), /event: unknown variant `fly`/);
  assert.deepEqual(dxer.allowedEvents('submitted'), ['start_review', 'return', 'register']);
  assert.throws(() => dxer.allowedEvents('lost'), /status: unknown variant `lost`/);
});

test('a record that is not a record is a clear Error', () => {
  assert.throws(() => dxer.duties('{"record_id": 5}'), /record: not a DXER record: /);
  assert.throws(() => dxer.duties('{'), /record: not JSON: /);
  assert.throws(() => dxer.duties(), /record: missing/);
});

test('a record with errors cannot be registered (DXER-W007) unless the policy allows it', () => {
  const silent = JSON.parse(submittedText);
  silent.reglament.standard.time_limit = { not_stated: true };
  let error;
  try { dxer.applyEvent(silent, 'register', '2026-06-15', undefined, 'en'); } catch (e) { error = e; }
  assert.equal(error.code, 'DXER-W007');
  assert.match(error.finding.message.en, /DXER-N001/);
  const t = dxer.applyEvent(silent, 'register', '2026-06-15', { register_only_without_errors: false });
  assert.equal(t.to, 'registered');
});

test('amend: bad input throws located errors, never a crash', () => {
  const registered = dxer.applyEvent(submittedText, 'register', '2026-06-15').record;
  assert.throws(() => dxer.amend({ record_id: 5 }, registered, '2026-09-01'), (e) => e instanceof Error && !e.report?.ok);
  assert.throws(() => dxer.amend(registered, registered, '1 Sept'), /validFrom/);
  assert.throws(() => dxer.amend(registered, registered, '2026-09-01'), { code: 'DXER-W005', pointer: '' });
  const changed = structuredClone(registered);
  changed.reglament.contact = { hotline: '109' };
  assert.throws(() => dxer.amend(registered, changed, '2026-06-01'), { code: 'DXER-W002', pointer: '/validity/valid_from' });
});
