// End-to-end: the demo page (examples/web) in Debian's Chromium, driven by playwright-core, served by
// Python's static file server on a free localhost port that this test starts. Screenshots are saved
// under artifacts/wasm-demo/ (gitignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import dxer, { root, readFixture } from '../load.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const artifacts = path.join(root, 'artifacts/wasm-demo');
const F003 = '/reglament/standard/fees/tiers/1/amount';

let server;
let base;
let context;
let page;
const pageErrors = [];
const foreignRequests = [];

function startServer() {
  return new Promise((resolve, reject) => {
    // Port 0: the system picks a free port; http.server prints it.
    server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', path.join(root, 'examples/web')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`static server did not start: ${out}`)), 15000);
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(/port (\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}/`);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`static server exited (${code}): ${out}`)));
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(root, 'examples/web/pkg/dxer_bg.wasm')), 'run ./scripts/build-wasm first');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`);
  fs.mkdirSync(artifacts, { recursive: true });
  base = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  // The page must need nothing beyond its own static server.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === new URL(base).origin || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort();
  });
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
});

after(async () => {
  await context?.close();
  server?.kill();
});

const findingsAt = (pointer) => page.locator(`ul.findings[data-for="${pointer}"] li.finding`);
const input = (pointer) => page.locator(`[data-pointer="${pointer}"]`).first();

async function loadExample(file) {
  await page.selectOption('#example', file);
  await page.click('#load-example');
  await page.waitForFunction((f) => globalThis.dxerDemo.doc && document.querySelector('#example').value === f, file);
}

/** What the package itself says about the fixture with the amount changed (the page must show exactly it). */
function expectedF003(lang) {
  const rec = JSON.parse(readFixture('valid', 'identity-card'));
  rec.reglament.standard.fees.tiers[1].amount = '0';
  const f = dxer.validate(JSON.stringify(rec), lang).findings.find((x) => x.pointer === F003);
  assert.equal(f.code, 'DXER-F003');
  return f.text;
}

test('a new record shows the package\'s findings for what is still missing', async () => {
  await page.screenshot({ path: path.join(artifacts, 'new-record.png') });
  assert.ok(await page.locator('#summary.not-ok').count());
  assert.ok(await page.locator('#all-findings li.finding').count() > 3);
  const rendered = await page.locator('#all-findings li.finding code').allTextContents();
  const expected = dxer.validate(await page.locator('#json').inputValue(), 'az').findings.map((f) => f.code);
  assert.deepEqual(rendered, expected);
});

test('the page loads offline, with every section of the model and a bundled example', async () => {
  for (const p of ['/reglament/general', '/reglament/standard', '/reglament/procedure', '/reglament/appeal', '/reglament/contact', '/reglament/annexes']) {
    assert.equal(await page.locator(`fieldset[data-pointer="${p}"]`).count(), 1, p);
  }
  assert.equal(await input('/reglament/general/name/az').count(), 1);
  await loadExample('valid-identity-card.json');
  await page.waitForSelector('#summary.ok');
  assert.equal(await input('/reglament/general/name/az').inputValue(), 'Azərbaycan Respublikası vətəndaşının şəxsiyyət vəsiqəsinin verilməsi');
  assert.equal(await input(F003).inputValue(), '20.00');
  assert.equal(await page.locator('#all-findings li.finding.error').count(), 0);
  await page.screenshot({ path: path.join(artifacts, 'loaded.png') });
  // The JSON view shows the record being edited.
  assert.deepEqual(JSON.parse(await page.locator('#json').inputValue()), JSON.parse(readFixture('valid', 'identity-card')));
});

test('break a fee amount: DXER-F003 appears next to that field, in the chosen language; fix it: it goes', async () => {
  await page.click('#langs button[value="az"]');
  await input(F003).fill('0');
  await findingsAt(F003).first().waitFor();
  assert.equal(await findingsAt(F003).count(), 1);
  assert.equal(await findingsAt(F003).getAttribute('data-code'), 'DXER-F003');
  assert.equal(await findingsAt(F003).locator('.msg').textContent(), expectedF003('az'));
  assert.equal(await input(F003).getAttribute('aria-invalid'), 'true');
  await page.waitForSelector('#summary.not-ok');
  await page.screenshot({ path: path.join(artifacts, 'f003-az.png'), fullPage: false });

  await page.click('#langs button[value="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await findingsAt(F003).locator('.msg').textContent(), expectedF003('en'));
  assert.equal(await findingsAt(F003).locator('.msg').textContent(), 'The fee amount is zero: mark free services with "free": true instead.');
  await input(F003).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'f003-en.png'), fullPage: false });

  await page.click('#langs button[value="ru"]');
  assert.equal(await findingsAt(F003).locator('.msg').textContent(), expectedF003('ru'));
  await page.click('#langs button[value="en"]');

  await input(F003).fill('20.00');
  await page.waitForSelector('#summary.ok');
  assert.equal(await findingsAt(F003).count(), 0);
  assert.equal(await input(F003).getAttribute('aria-invalid'), null);
  assert.equal(JSON.parse(await page.locator('#json').inputValue()).reglament.standard.fees.tiers[1].amount, '20.00');
});

test('repeatable lists: add and remove; a finding without an input goes to the nearest section', async () => {
  const grounds = '/reglament/procedure/refusal_grounds';
  const items = () => page.locator('fieldset.item').evaluateAll(
    (els, g) => els.filter((e) => new RegExp(`^${g}/\\d+$`).test(e.getAttribute('data-pointer'))).length, grounds);
  const before = await items();
  assert.equal(before, 3);
  for (let i = 0; i < before; i++) await page.locator(`button.remove[data-list="${grounds}"]`).first().click();
  assert.equal(await items(), 0);
  // No refusal ground at all: the finding is at the list's pointer, shown on the list's section.
  const g = findingsAt(grounds);
  await g.first().waitFor();
  const codes = await g.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  assert.ok(codes.includes('DXER-G001'), codes.join());
  await page.click(`button.add[data-list="${grounds}"]`);
  assert.equal(await page.locator(`fieldset[data-pointer="${grounds}/0"]`).count(), 1);
  assert.equal(await input(`${grounds}/0/text/az`).count(), 1);
  // Its blank text is reported at the new item's own input.
  await findingsAt(`${grounds}/0/text/az`).first().waitFor();
  await page.locator(`fieldset[data-pointer="${grounds}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(artifacts, 'lists.png') });
  const tiers = '/reglament/standard/fees/tiers';
  await page.click(`button.add[data-list="${tiers}"]`);
  assert.equal(await page.locator(`fieldset[data-pointer="${tiers}/3"]`).count(), 1);
  await page.locator(`button.remove[data-list="${tiers}"]`).last().click();
  assert.equal(await page.locator(`fieldset[data-pointer="${tiers}/3"]`).count(), 0);
});

test('invalid JSON typed in the JSON view is the package\'s DXER-J001; downloads', async () => {
  await loadExample('valid-identity-card.json');
  await page.waitForSelector('#summary.ok');
  await page.locator('#json').fill('{"record_id": ');
  await page.waitForSelector('#all-findings li[data-code="DXER-J001"]');
  await loadExample('valid-identity-card.json');
  await page.waitForSelector('#summary.ok');

  const download = async (button) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return fs.readFileSync(await d.path(), 'utf8');
  };
  assert.deepEqual(JSON.parse(await download('#download-json')), JSON.parse(readFixture('valid', 'identity-card')));
  if (await page.locator('#download-cpsv').isEnabled()) {
    const jsonld = JSON.parse(await download('#download-cpsv'));
    assert.ok(jsonld['@context'], 'CPSV-AP JSON-LD has a context');
    assert.deepEqual(jsonld, dxer.toCpsvJsonLd(readFixture('valid', 'identity-card'), { internal: true }));
  }
  if (await page.locator('#download-html').isEnabled()) {
    const html = await download('#download-html');
    assert.match(html, /<html/i);
    assert.equal(html, dxer.toHtml(readFixture('valid', 'identity-card'), 'en', { internal: true }));
  }
  // An invalid record is refused by the package, and the page says why.
  await input(F003).fill('0');
  if (await page.locator('#download-cpsv').isEnabled()) {
    await page.click('#download-cpsv');
    await page.waitForSelector('#status.error');
    assert.match(await page.locator('#status').textContent(), /DXER-F003/);
  }
});

test('no page error, no request beyond the local server', async () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(foreignRequests, []);
});
