// Conversions: CPSV-AP JSON-LD both ways, schema.org, rendered HTML and Markdown, canonical digest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dxer, { readFixture } from './load.mjs';

const text = readFixture('valid', 'identity-card');
const record = JSON.parse(text);
// The fixture is submitted, not published: these tests use the internal export (every field);
// publication.test.mjs checks the public one.
const INTERNAL = { internal: true };

test('CPSV-AP JSON-LD: export and lossless round trip', () => {
  const doc = dxer.toCpsvJsonLd(text, INTERNAL);
  assert.ok(Array.isArray(doc['@context']));
  const service = doc['@graph'][0];
  assert.equal(service['@type'], 'PublicService');
  assert.equal(service['cv:processingTime']['@value'], 'P14D'); // 10 working days
  assert.deepEqual(dxer.toCpsvJsonLd(record, INTERNAL), doc, 'object and text give the same export');
  const back = dxer.fromCpsvJsonLd(doc);
  assert.equal(back.restored, true);
  assert.deepEqual(back.losses, []);
  assert.equal(back.report.ok, true);
  assert.deepEqual(back.record, record);
  assert.deepEqual(dxer.fromCpsvJsonLd(JSON.stringify(doc)).record, record);
  assert.throws(() => dxer.fromCpsvJsonLd('{"@graph": [,]}'), (e) => e.report.findings[0].code === 'DXER-J001');
});

test('CPSV-AP import of a foreign document: a draft with its losses and findings', () => {
  const foreign = {
    '@context': { cpsv: 'http://purl.org/vocab/cpsv#', dct: 'http://purl.org/dc/terms/' },
    '@id': 'http://example.org/s1', '@type': 'cpsv:PublicService', 'dct:identifier': 'DX-000101',
    'dct:title': [{ '@value': 'Şəxsiyyət vəsiqəsinin verilməsi', '@language': 'az' }, { '@value': 'Délivrance', '@language': 'fr' }],
    'dct:keyword': { '@value': 'ID', '@language': 'en' },
  };
  const imported = dxer.fromCpsvJsonLd(foreign);
  assert.equal(imported.restored, false);
  assert.equal(imported.record.reglament.general.name.az, 'Şəxsiyyət vəsiqəsinin verilməsi');
  assert.deepEqual(imported.losses.map((l) => [l.pointer_or_path, l.property]), [['/dct:keyword', 'dct:keyword'], ['/dct:title/1', 'dct:title']]);
  assert.equal(imported.report.ok, false);
});

test('schema.org JSON-LD in a language', () => {
  const az = dxer.toSchemaOrg(text, undefined, INTERNAL);
  const en = dxer.toSchemaOrg(text, 'en', INTERNAL);
  assert.equal(az['@type'], 'GovernmentService');
  assert.equal(az.name, record.reglament.general.name.az);
  assert.equal(en.name, record.reglament.general.name.en);
});

test('rendered HTML and Markdown in three languages', () => {
  for (const lang of ['az', 'en', 'ru']) {
    const html = dxer.toHtml(text, lang, INTERNAL);
    assert.match(html, /^<!DOCTYPE html>|^<!doctype html>/i);
    assert.ok(html.includes(`lang="${lang}"`), lang);
    assert.ok(!/<script/i.test(html), 'no script in the rendered page');
  }
  assert.ok(dxer.toHtml(text, 'en', INTERNAL).includes('Issue of the identity card'));
  assert.ok(dxer.toHtml(text, undefined, INTERNAL).includes('şəxsiyyət vəsiqəsinin verilməsi'));
  assert.ok(dxer.toMarkdown(text, 'ru', INTERNAL).includes(record.reglament.general.name.ru));
  assert.throws(() => dxer.toHtml(text, 'de'), /lang: unknown language "de"; expected az, en or ru/);
});

test('conversions refuse an invalid record with its report', () => {
  const bad = structuredClone(record);
  bad.reglament.standard.fees.tiers[1].amount = '0';
  for (const fn of [dxer.toCpsvJsonLd, dxer.toSchemaOrg, dxer.toHtml, dxer.toMarkdown]) {
    assert.throws(() => fn(bad), (e) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /^record is not valid \(1 error\(s\)\); fix it first: DXER-F003 at "\/reglament\/standard\/fees\/tiers\/1\/amount"/);
      assert.deepEqual(e.report.findings.map((f) => f.code), ['DXER-F003']);
      return true;
    });
  }
  assert.throws(() => dxer.toHtml('{'), (e) => e.report.findings[0].code === 'DXER-J001');
});

test('canonical digest: stable under reordering and whitespace, changes with content', () => {
  const d = dxer.digest(text);
  assert.match(d, /^[0-9a-f]{64}$/);
  assert.equal(dxer.digest(JSON.stringify(record)), d);
  const reordered = Object.fromEntries(Object.entries(record).reverse());
  assert.equal(dxer.digest(reordered), d);
  const changed = structuredClone(record);
  changed.reglament.contact.hotline = '109';
  assert.notEqual(dxer.digest(changed), d);
  assert.equal(dxer.canonicalJson(text)[0], '{');
  assert.ok(!dxer.canonicalJson(text).includes('\n'));
  const signed = dxer.withDigest(text);
  assert.deepEqual(signed.submission.digest, { algorithm: 'sha-256', value: d });
  assert.deepEqual(dxer.verifyDigest(signed), { status: 'valid' });
  assert.deepEqual(dxer.verifyDigest(text), { status: 'missing' });
  signed.reglament.contact.hotline = '109';
  const check = dxer.verifyDigest(signed);
  assert.equal(check.status, 'mismatch');
  assert.equal(check.stored, d);
  const draft = structuredClone(record);
  delete draft.submission;
  assert.throws(() => dxer.withDigest(draft), /has no "submission" block/);
});
