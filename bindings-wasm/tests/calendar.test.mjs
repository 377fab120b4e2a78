// Calendar queries: the Azerbaijani working-day calendar of the core, from JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer from './load.mjs';

test('working days: weekends, holidays and carry-overs', () => {
  assert.equal(dxer.isWorkingDay('2026-05-06'), true); // a Wednesday
  assert.equal(dxer.isWorkingDay('2026-05-09'), false); // Victory over Fascism Day, a Saturday
  assert.equal(dxer.isWorkingDay('2026-05-11'), false); // ... carried over to Monday
  assert.equal(dxer.isWorkingDay('2026-06-15'), false); // National Salvation Day
  assert.equal(dxer.isWorkingDay('2026-05-29'), false); // Qurban on Independence Day gives 29 May
});

test('adding periods', () => {
  assert.equal(dxer.addWorkingDays('2026-05-06', 0), '2026-05-06');
  assert.equal(dxer.addWorkingDays('2026-05-06', 7), '2026-05-18');
  assert.equal(dxer.addWorkingDays('2026-05-06', 30), '2026-06-24');
  assert.equal(dxer.addPeriod('2026-05-06', { value: 30, unit: 'working_days' }), '2026-06-24');
  // 30 calendar days after 2026-05-06 is Friday 5 June, a working day.
  assert.equal(dxer.addDays('2026-05-06', 30), '2026-06-05');
  // 1 month after 6 May is Saturday 6 June: the next working day is Monday 8 June.
  assert.equal(dxer.addMonths('2026-05-06', 1), '2026-06-08');
  // 31 January + 1 month is clamped to 28 February 2026 (a Saturday) -> Monday 2 March.
  assert.equal(dxer.addMonths('2026-01-31', 1), '2026-03-02');
  for (const n of [1, 5, 17, 60]) {
    const end = dxer.addWorkingDays('2026-02-02', n);
    assert.equal(dxer.isWorkingDay(end), true);
    assert.equal(dxer.workingDaysBetween('2026-02-02', end), n);
  }
  assert.equal(dxer.workingDaysBetween('2026-05-18', '2026-05-06'), 0);
});

test('days off and holidays of a year', () => {
  const off = dxer.daysOff(2026);
  const dates = off.map((d) => d.date);
  for (const d of ['2026-01-01', '2026-03-20', '2026-03-27', '2026-03-30', '2026-05-11', '2026-05-29', '2026-06-15']) {
    assert.ok(dates.includes(d), d);
  }
  assert.deepEqual([...dates].sort(), dates, 'in date order');
  for (const d of off) {
    assert.ok(d.reasons.length > 0);
    for (const r of d.reasons) assert.ok(r.code && r.az && r.en && r.ru);
  }
  assert.equal(off.find((d) => d.date === '2026-05-11').reasons[0].code, 'carry_over');
  const hol = dxer.holidays(2026);
  const oct18 = hol.find((h) => h.date === '2026-10-18');
  assert.equal(oct18.working_day, true);
  const years = dxer.calendarYears();
  assert.ok(years.first <= 2026 && years.last >= 2026);
});

test('outside the data, a clear error (never a guess)', () => {
  assert.throws(() => dxer.isWorkingDay('2099-01-05'), { name: 'Error', message: /outside the years with calendar data/ });
  assert.throws(() => dxer.daysOff(2099), /outside the years with calendar data|2099/);
  assert.throws(() => dxer.addWorkingDays('2026-12-30', 5000), /outside the years/);
});

test('bad arguments are thrown as Errors with the reason', () => {
  assert.throws(() => dxer.isWorkingDay('2026-13-01'), { name: 'Error', message: 'date: "2026-13-01" is not a date; expected YYYY-MM-DD' });
  assert.throws(() => dxer.isWorkingDay('06.05.2026'), /expected YYYY-MM-DD/);
  assert.throws(() => dxer.addWorkingDays('2026-05-06', -1), /n: -1 is not a whole number/);
  assert.throws(() => dxer.addWorkingDays('2026-05-06', 1.5), /n: 1.5 is not a whole number/);
  assert.throws(() => dxer.addWorkingDays('2026-05-06', NaN), /is not a whole number/);
  assert.throws(() => dxer.addDays('2026-05-06', 2 ** 40), /is not a whole number/);
  assert.throws(() => dxer.daysOff(2026.5), /year: 2026.5 is not a whole number/);
  assert.throws(() => dxer.addPeriod('2026-05-06', { value: 3, unit: 'weeks' }), /period: not a period/);
  assert.throws(() => dxer.addPeriod('2026-05-06'), /period: missing/);
});
