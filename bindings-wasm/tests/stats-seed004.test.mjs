// The 2013 e-Government bulletin's tables (seed 004) reproduced from records, as in the Rust test
// core/tests/stats_seed004.rs: same fixture files (tests/fixtures/stats/seed-004).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import dxer, { fixturesRoot } from './load.mjs';

const dir = path.join(fixturesRoot, 'stats/seed-004');
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const records = read('registry.jsonl');
const expected = JSON.parse(read('expected-table.json'));
const usage = JSON.parse(read('usage.json'));
const byProvider = (stats) => new Map(stats.rows.map((r) => [r.provider, r]));

test('the stats reproduce the bulletin table', () => {
  const table = expected.connection_table;
  const rows = byProvider(dxer.registryStats(records));
  assert.deepEqual(table.compared, ['approved', 'ehis_integrated', 'on_portal', 'on_own_site']);
  assert.equal(table.rows.length, 36);
  for (const want of table.rows) {
    const got = rows.get(want.provider);
    assert.ok(got, `no row for ${want.provider}`);
    for (const c of table.compared) assert.equal(got[c], want[c], `${want.provider} ${c}`);
  }
  const sums = table.compared.map((c) => table.rows.reduce((n, r) => n + r[c], 0));
  assert.deepEqual(sums, [360, 81, 139, 340]);
  const ritn = rows.get('RITN');
  assert.deepEqual([ritn.approved, ritn.ehis_integrated, ritn.on_portal, ritn.on_own_site], [16, 10, 33, 27]);
});

test('the stats reproduce the services without authentication', () => {
  const stats = dxer.registryStats(records);
  const rows = byProvider(stats);
  for (const group of expected.without_authentication.providers) {
    assert.equal(rows.get(group.provider).without_authentication, group.services.length, group.provider);
  }
  assert.equal(stats.totals.without_authentication, 21);
});

test('the usage counts give the most used list', () => {
  const stats = dxer.registryStats(records, { usage: { ...usage, 'DX-999999': 5 }, top: 9 });
  const got = stats.most_used.map((m) => [m.rank, m.provider, m.name_az, m.count]);
  const want = expected.most_used.services.map((s) => [s.rank, s.provider, s.name_az, s.count]);
  assert.deepEqual(got, want);
  assert.deepEqual([...new Set(got.map((m) => m[1]))].sort(), ['DIN', 'DSMF', 'EN', 'RITN', 'TN']);
  assert.deepEqual(stats.usage_not_in_registry, ['DX-999999']);
  assert.equal(dxer.registryStats(records).most_used, undefined, 'no usage, no list');
  assert.throws(() => dxer.registryStats(records, { usage: { 'DX-403001': -1 } }), /options/);
  assert.throws(() => dxer.registryStats(records, { tops: 3 }), /unknown field/);
  assert.throws(() => dxer.registryStats(42), /records/);
});

test('the HTML page is self-contained and shows the figures', () => {
  const page = dxer.registryStatsHtml(records, { usage, top: 9 });
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="az">'));
  const lower = page.toLowerCase();
  for (const fetch of ['<script', 'src=', 'href=', 'url(', '@import', 'http://', 'https://']) {
    assert.ok(!lower.includes(fetch), fetch);
  }
  const stack = [];
  for (const [, closing, name] of page.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g)) {
    if (closing) assert.equal(stack.pop(), name);
    else if (name !== 'meta') stack.push(name);
  }
  assert.deepEqual(stack, []);
  assert.equal(page.split('<svg ').length - 1, 7);
  const ritn = dxer.registryStats(records).rows.find((r) => r.provider === 'RITN');
  const cells = dxer.statsColumns().map((c, i) => {
    const v = ritn[c.name] ?? '';
    return i < 3 ? `<td>${v}</td>` : `<td class="n">${v}</td>`;
  });
  assert.ok(page.includes(`<tr>${cells.join('')}</tr>`), 'RİTN row');
  assert.ok(page.includes('<td>Adın mənası</td>') && page.includes('<td class="n">672</td>'));
});
