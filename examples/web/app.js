// The DXER reglament form. The page only edits a JSON document and shows what the dxer WebAssembly
// package says about it: every finding, its code, its message and its place come from `validate`; the
// page itself checks nothing. Each input carries the RFC 6901 JSON Pointer of its field
// (data-pointer="/reglament/general/name/az"); a finding whose pointer has no input is shown on the
// nearest enclosing section.
import init, * as dxer from './pkg/dxer.js';
import { LANGS, t } from './i18n.js';

const app = {
  doc: null, // the record being edited
  lang: 'az',
  lists: null, // code lists, from the package
  slots: new Map(), // pointer -> { list: <ul.findings>, input?: element }
  optional: new Set(), // pointers of optional groups: removed when they become empty
  report: null,
};
globalThis.dxerDemo = app; // for the end-to-end test and the console

// ---- JSON Pointer --------------------------------------------------------------------------------------

const esc = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const join = (base, key) => `${base}/${esc(key)}`;
const tokens = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
const parentOf = (p) => p.slice(0, p.lastIndexOf('/'));

function get(p) {
  let v = app.doc;
  for (const k of tokens(p)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k];
  }
  return v;
}

function set(p, value) {
  const ks = tokens(p);
  let v = app.doc;
  for (const k of ks.slice(0, -1)) {
    if (v[k] === null || typeof v[k] !== 'object') v[k] = {};
    v = v[k];
  }
  v[ks[ks.length - 1]] = value;
}

function del(p) {
  const ks = tokens(p);
  const parent = get(parentOf(p));
  if (parent && typeof parent === 'object') {
    if (Array.isArray(parent)) parent.splice(Number(ks[ks.length - 1]), 1);
    else delete parent[ks[ks.length - 1]];
  }
}

/** Writes a field; `undefined` removes it, then optional groups left empty are removed too. */
function write(p, value) {
  if (value === undefined) del(p);
  else set(p, value);
  for (let g = parentOf(p); g !== ''; g = parentOf(g)) {
    const v = get(g);
    if (app.optional.has(g) && v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) del(g);
  }
  changed();
}

// ---- DOM helpers ---------------------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

const L = (key) => t(key, app.lang);
const labelOf = (item) => (item.label && (item.label[app.lang] || item.label.az)) || item.code;

function slot(p, input) {
  const list = h('ul', { class: 'findings', 'data-for': p });
  app.slots.set(p, { list, input });
  return list;
}

/** A section (fieldset) for the object at `p`: findings without a closer input are shown in it. */
function section(parent, p, key, { optional = false, level = 'sub' } = {}) {
  if (optional) app.optional.add(p);
  const body = h('div', { class: 'body' });
  parent.append(h('fieldset', { class: `section ${level}`, 'data-pointer': p },
    h('legend', { text: typeof key === 'string' ? L(key) : key.text }), slot(p), body));
  return body;
}

function field(parent, p, key, input, extra) {
  input.setAttribute('data-pointer', p);
  input.id = `f${p.replace(/[^A-Za-z0-9]/g, '_')}`;
  parent.append(h('div', { class: 'field' }, h('label', { for: input.id, text: L(key) }), input, extra, slot(p, input)));
  return input;
}

// Values typed by the user become JSON values as they are; the validator judges them.
const asText = (v, optional) => (v === '' && optional ? undefined : v);
function asNumber(v) {
  const s = v.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}
const asList = (v) => {
  const items = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return items.length ? items : undefined;
};

function text(parent, p, key, { optional = false, placeholder } = {}) {
  const v = get(p);
  const input = h('input', { type: 'text', value: v === undefined ? '' : String(v), placeholder });
  input.addEventListener('input', () => write(p, asText(input.value, optional)));
  return field(parent, p, key, input);
}

const date = (parent, p, key, opts = {}) => text(parent, p, key, { ...opts, placeholder: 'YYYY-MM-DD' });

function number(parent, p, key) {
  const v = get(p);
  const input = h('input', { type: 'text', inputmode: 'numeric', class: 'short', value: v === undefined ? '' : String(v) });
  input.addEventListener('input', () => write(p, asNumber(input.value)));
  return field(parent, p, key, input);
}

function csv(parent, p, key) {
  const v = get(p);
  const input = h('input', { type: 'text', value: Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v) });
  input.addEventListener('input', () => write(p, asList(input.value)));
  return field(parent, p, key, input);
}

function checkbox(parent, p, key) {
  const input = h('input', { type: 'checkbox' });
  input.checked = get(p) === true;
  input.addEventListener('change', () => write(p, input.checked));
  input.setAttribute('data-pointer', p);
  input.id = `f${p.replace(/[^A-Za-z0-9]/g, '_')}`;
  parent.append(h('div', { class: 'field check' }, input, h('label', { for: input.id, text: L(key) }), slot(p, input)));
  return input;
}

function options(select, items, current, optional) {
  if (optional || current === undefined) select.append(h('option', { value: '', text: L('none') }));
  const codes = new Set(items.map((i) => i.code));
  if (current !== undefined && !codes.has(current)) select.append(h('option', { value: String(current), text: String(current) }));
  for (const i of items) select.append(h('option', { value: i.code, text: labelOf(i) }));
  select.value = current === undefined ? '' : String(current);
}

function select(parent, p, key, listName, { optional = false, items } = {}) {
  const el = h('select');
  options(el, items || app.lists[listName].items, get(p), optional);
  el.addEventListener('change', () => write(p, el.value === '' ? undefined : el.value));
  return field(parent, p, key, el);
}

function providerItems() {
  return app.lists.providers.items.map((i) => ({ ...i, label: { [app.lang]: `${i.code} — ${labelOf(i)}` } }));
}

/** Several codes of one list, as checkboxes (codes not in the list stay visible, to be unticked). */
function checks(parent, p, key, listName) {
  const current = Array.isArray(get(p)) ? get(p) : [];
  const items = [...app.lists[listName].items];
  for (const c of current) if (!items.some((i) => i.code === c)) items.push({ code: String(c) });
  const box = h('div', { class: 'checks', 'data-pointer': p });
  const update = () => {
    const chosen = [...box.querySelectorAll('input')].filter((i) => i.checked).map((i) => i.value);
    write(p, chosen.length ? chosen : (get(p) === undefined ? undefined : []));
  };
  for (const i of items) {
    const input = h('input', { type: 'checkbox', value: i.code, onchange: update });
    input.checked = current.includes(i.code);
    box.append(h('label', { class: 'check' }, input, ' ', labelOf(i)));
  }
  parent.append(h('div', { class: 'field' }, h('span', { class: 'label', text: L(key) }), box, slot(p, box)));
}

function multiProviders(parent, p, key) {
  const el = h('select', { multiple: true, size: 4 });
  const current = Array.isArray(get(p)) ? get(p) : [];
  const items = providerItems();
  for (const c of current) if (!items.some((i) => i.code === c)) items.push({ code: String(c) });
  for (const i of items) {
    const o = h('option', { value: i.code, text: labelOf(i) });
    o.selected = current.includes(i.code);
    el.append(o);
  }
  el.addEventListener('change', () => {
    const chosen = [...el.selectedOptions].map((o) => o.value);
    write(p, chosen.length ? chosen : undefined);
  });
  return field(parent, p, key, el);
}

/** Text in az (required unless the whole text is optional) with optional en and ru. */
function localized(parent, p, key, { optional = false } = {}) {
  if (optional) app.optional.add(p);
  const box = h('div', { class: 'localized', 'data-pointer': p });
  parent.append(h('div', { class: 'field' }, h('span', { class: 'label', text: L(key) }), box, slot(p)));
  for (const lang of LANGS) {
    const q = join(p, lang);
    const v = get(q);
    const input = h('input', { type: 'text', lang, value: v === undefined ? '' : String(v), 'data-pointer': q, 'aria-label': `${L(key)} (${lang})` });
    input.addEventListener('input', () => write(q, asText(input.value, optional || lang !== 'az')));
    box.append(h('div', { class: 'lang-row' }, h('span', { class: 'lang-tag', text: lang }), input, slot(q, input)));
  }
}

function duration(parent, p, key, { optional = false } = {}) {
  if (optional) app.optional.add(p);
  const box = h('div', { class: 'duration', 'data-pointer': p });
  parent.append(h('div', { class: 'field' }, h('span', { class: 'label', text: L(key) }), box, slot(p)));
  const vp = join(p, 'value');
  const up = join(p, 'unit');
  const value = h('input', { type: 'text', inputmode: 'numeric', class: 'short', 'data-pointer': vp, 'aria-label': `${L(key)}: ${L('value')}` });
  value.value = get(vp) === undefined ? '' : String(get(vp));
  value.addEventListener('input', () => write(vp, asNumber(value.value)));
  const unit = h('select', { 'data-pointer': up, 'aria-label': `${L(key)}: ${L('unit')}` });
  options(unit, app.lists.durations.items, get(up), true);
  unit.addEventListener('change', () => write(up, unit.value === '' ? undefined : unit.value));
  box.append(value, slot(vp, value), unit, slot(up, unit));
}

/** A repeatable list: each item is a section with a remove button; an add button appends a template. */
function list(parent, p, key, itemKey, renderItem, template, level = 'sub') {
  const body = section(parent, p, key, { level });
  const items = Array.isArray(get(p)) ? get(p) : [];
  items.forEach((_, i) => {
    const q = join(p, i);
    const item = section(body, q, { text: `${L(itemKey)} ${i + 1}` }, { level: 'item' });
    renderItem(item, q);
    item.append(h('button', {
      type: 'button', class: 'remove', 'data-action': 'remove', 'data-list': p, text: `${L('remove')}: ${L(itemKey)} ${i + 1}`,
      onclick: () => { del(q); rerender(); },
    }));
  });
  body.append(h('button', {
    type: 'button', class: 'add', 'data-action': 'add', 'data-list': p, text: `+ ${L('add')}: ${L(itemKey)}`,
    onclick: () => {
      if (!Array.isArray(get(p))) set(p, []);
      get(p).push(template());
      rerender();
    },
  }));
}

const emptyText = () => ({ az: '' });
const emptyLegal = () => ({ type: 'law', title: emptyText() });

function legalRef(parent, p) {
  select(parent, join(p, 'type'), 'type', 'legal-act-types');
  text(parent, join(p, 'number'), 'number', { optional: true });
  date(parent, join(p, 'date'), 'date', { optional: true });
  localized(parent, join(p, 'title'), 'titleField');
  csv(parent, join(p, 'articles'), 'articles');
}

const legalList = (parent, p) => list(parent, p, 'legal_basis', 'legalRef', legalRef, emptyLegal);

// ---- the form ------------------------------------------------------------------------------------------

function renderForm() {
  app.slots = new Map();
  app.optional = new Set();
  const form = document.getElementById('form');
  form.replaceChildren();
  form.setAttribute('data-pointer', '');
  const top = h('div', { class: 'doc-findings' }, slot(''));
  form.append(top);

  // Registry data (DXER data list): the document's own findings are shown above it.
  const reg = h('div', { class: 'body' });
  form.append(h('fieldset', { class: 'section top' }, h('legend', { text: L('registry') }), reg));
  text(reg, '/record_id', 'record_id');
  number(reg, '/version', 'version');
  select(reg, '/status', 'status', 'record-statuses');
  const areas = app.lists['service-areas'].items;
  select(reg, '/service_area/area', 'area', null, { items: areas.filter((i) => !i.parent) });
  select(reg, '/service_area/sub_area', 'sub_area', null, { optional: true, items: areas.filter((i) => i.parent) });
  checks(reg, '/directions', 'directions', 'directions');
  const act = section(reg, '/creating_act', 'creating_act');
  legalRef(act, '/creating_act/act');
  date(act, '/creating_act/entry_into_force', 'entry_into_force');
  const sub = section(reg, '/submission', 'submission', { optional: true });
  date(sub, '/submission/date', 'date', { optional: true });
  text(sub, '/submission/signer', 'signer', { optional: true });
  text(sub, '/submission/signature_ref', 'signature_ref', { optional: true });
  const es = section(reg, '/eservice', 'eservice', { optional: true });
  text(es, '/eservice/e_form_url', 'e_form_url', { optional: true });
  checkbox(es, '/eservice/accepts_scanned_copies', 'accepts_scanned_copies');
  checkbox(es, '/eservice/e_payment', 'e_payment');
  checkbox(es, '/eservice/ehis_integration', 'ehis_integration');
  checks(es, '/eservice/identification', 'identification', 'identification-methods');
  checkbox(reg, '/open_data', 'open_data');
  jsonOnly(reg, '/data_sources', 'dataSources');

  const R = '/reglament';
  const reglament = h('div', { class: 'reglament', 'data-pointer': R }, slot(R));
  form.append(reglament);

  // 1. General provisions
  const g = section(reglament, `${R}/general`, 'general', { level: 'top' });
  text(g, `${R}/general/service_code`, 'service_code', { placeholder: 'DX-000000' });
  localized(g, `${R}/general/name`, 'name');
  localized(g, `${R}/general/description`, 'description', { optional: true });
  legalList(g, `${R}/general/legal_basis`);
  select(g, `${R}/general/provider`, 'provider', null, { items: providerItems() });
  multiProviders(g, `${R}/general/co_executors`, 'co_executors');
  multiProviders(g, `${R}/general/data_suppliers`, 'data_suppliers');
  checks(g, `${R}/general/user_categories`, 'user_categories', 'user-categories');
  select(g, `${R}/general/service_type`, 'service_type', 'service-types');
  select(g, `${R}/general/form`, 'form', 'service-forms');
  checkbox(g, `${R}/general/proactive`, 'proactive');
  csv(g, `${R}/general/components`, 'components');
  checks(g, `${R}/general/channels`, 'channels', 'channels');
  select(g, `${R}/general/automation`, 'automation', 'automation-levels');

  // 2. Service standard
  const S = `${R}/standard`;
  const s = section(reglament, S, 'standard', { level: 'top' });
  list(s, `${S}/documents`, 'documents', 'document', (el, q) => {
    text(el, join(q, 'id'), 'id');
    localized(el, join(q, 'name'), 'name');
    select(el, join(q, 'kind'), 'kind', 'document-kinds');
    select(el, join(q, 'form'), 'form', 'document-forms');
    number(el, join(q, 'count'), 'count');
    select(el, join(q, 'provided_by'), 'provided_by', 'provided-by');
    const src = section(el, join(q, 'source'), 'source', { optional: true });
    select(src, join(q, 'source/body'), 'body', null, { optional: true, items: providerItems() });
    localized(src, join(q, 'source/register'), 'register', { optional: true });
    localized(el, join(q, 'note'), 'note', { optional: true });
  }, () => ({ id: '', name: emptyText(), kind: 'other', form: 'original', provided_by: 'user' }));
  const af = section(s, `${S}/application_form`, 'application_form', { optional: true });
  text(af, `${S}/application_form/annex`, 'annex', { optional: true });
  text(af, `${S}/application_form/e_form_url`, 'e_form_url', { optional: true });
  const fees = section(s, `${S}/fees`, 'fees');
  checkbox(fees, `${S}/fees/free`, 'free');
  list(fees, `${S}/fees/tiers`, 'tiers', 'tier', (el, q) => {
    text(el, join(q, 'id'), 'id');
    localized(el, join(q, 'label'), 'label', { optional: true });
    text(el, join(q, 'amount'), 'amount', { placeholder: '0.00' });
    select(el, join(q, 'kind'), 'kind', 'fee-kinds');
    legalList(el, join(q, 'legal_basis'));
    duration(el, join(q, 'time_limit'), 'time_limit', { optional: true });
  }, () => ({ id: '', amount: '', kind: 'state_duty', legal_basis: [] }));
  duration(s, `${S}/time_limit`, 'time_limit');
  const res = section(s, `${S}/result`, 'result');
  select(res, `${S}/result/kind`, 'kind', 'result-kinds');
  localized(res, `${S}/result/name`, 'name');
  select(res, `${S}/result/medium`, 'medium', 'result-media');
  duration(res, `${S}/result/validity`, 'validity', { optional: true });

  // 3. Procedure
  const P = `${R}/procedure`;
  const pr = section(reglament, P, 'procedure', { level: 'top' });
  const acc = section(pr, `${P}/acceptance`, 'acceptance');
  checkbox(acc, `${P}/acceptance/same_day_registration`, 'same_day_registration');
  checkbox(acc, `${P}/acceptance/confirmation_notice`, 'confirmation_notice');
  list(pr, `${P}/steps`, 'steps', 'step', (el, q) => {
    localized(el, join(q, 'name'), 'name');
    localized(el, join(q, 'responsible'), 'responsible');
    duration(el, join(q, 'time_limit'), 'time_limit');
  }, () => ({ name: emptyText(), responsible: emptyText(), time_limit: { value: 1, unit: 'working_days' } }));
  list(pr, `${P}/refusal_grounds`, 'refusal_grounds', 'refusal_ground', (el, q) => {
    localized(el, join(q, 'text'), 'text');
    legalList(el, join(q, 'legal_basis'));
    checkbox(el, join(q, 'reapplication_allowed'), 'reapplication_allowed');
  }, () => ({ text: emptyText(), legal_basis: [], reapplication_allowed: true }));
  checks(pr, `${P}/notification_channels`, 'notification_channels', 'notification-channels');

  // 4. Appeal
  const A = `${R}/appeal`;
  const ap = section(reglament, A, 'appeal', { level: 'top' });
  const adm = section(ap, `${A}/administrative`, 'administrative');
  localized(adm, `${A}/administrative/body`, 'body');
  duration(adm, `${A}/administrative/deadline`, 'deadline');
  duration(adm, `${A}/administrative/review_period`, 'review_period');
  legalList(adm, `${A}/administrative/legal_basis`);
  const court = section(ap, `${A}/court`, 'court');
  duration(court, `${A}/court/deadline`, 'deadline');
  legalList(court, `${A}/court/legal_basis`);

  // 5. Contact and quality
  const C = `${R}/contact`;
  const c = section(reglament, C, 'contact', { level: 'top' });
  text(c, `${C}/hotline`, 'hotline', { optional: true });
  text(c, `${C}/web`, 'web', { optional: true });
  text(c, `${C}/email`, 'email', { optional: true });
  localized(c, `${C}/feedback`, 'feedback', { optional: true });

  // 6. Annexes
  list(reglament, `${R}/annexes`, 'annexes', 'annexItem', (el, q) => {
    text(el, join(q, 'id'), 'id');
    localized(el, join(q, 'title'), 'titleField');
    text(el, join(q, 'url'), 'url', { optional: true });
  }, () => ({ id: `annex-${(get(`${R}/annexes`) || []).length + 1}`, title: emptyText() }), 'top');

  jsonOnly(reglament, `${R}/variants`, 'variants');
}

/** A part of the model the form does not edit field by field: shown as JSON, edited in the JSON view. */
function jsonOnly(parent, p, key) {
  const body = section(parent, p, key, { level: 'top' });
  const v = get(p);
  body.append(h('p', { class: 'hint', text: L('editInJson') }));
  if (v !== undefined) body.append(h('pre', { class: 'subtree', text: JSON.stringify(v, null, 2) }));
}

// ---- findings ------------------------------------------------------------------------------------------

/** The slot of a pointer: its own, or the nearest enclosing one. */
function slotFor(pointer) {
  let p = pointer;
  while (!app.slots.has(p)) {
    if (p === '') break;
    p = parentOf(p);
  }
  return { at: p, slot: app.slots.get(p) || app.slots.get('') };
}

function findingItem(f, exact) {
  return h('li', { class: `finding ${f.severity}`, 'data-code': f.code, 'data-pointer-of': f.pointer },
    h('code', { text: f.code }), ' ', h('span', { class: 'msg', text: f.text }),
    exact ? null : h('span', { class: 'where', text: ` (${L('at')} ${f.pointer || '/'})` }),
    f.fix !== undefined ? h('span', { class: 'fix', text: ` ${L('fix')}: ${f.fix}` }) : null);
}

function showFindings() {
  for (const { list, input } of app.slots.values()) {
    list.replaceChildren();
    if (input) { input.classList.remove('error', 'warning', 'info'); input.removeAttribute('aria-invalid'); }
  }
  document.querySelectorAll('.section.flagged').forEach((el) => el.classList.remove('flagged'));
  const r = app.report;
  const summary = document.getElementById('summary');
  const count = (sev) => r.findings.filter((f) => f.severity === sev).length;
  summary.className = r.ok ? 'ok' : 'not-ok';
  summary.replaceChildren(
    h('strong', { text: r.ok ? L('mayBeSubmitted') : L('hasErrors') }),
    ` — ${count('error')} ${L('errors')}, ${count('warning')} ${L('warnings')}, ${count('info')} ${L('infos')}`,
  );
  const all = document.getElementById('all-findings');
  all.replaceChildren();
  for (const f of r.findings) {
    const { at, slot: s } = slotFor(f.pointer);
    s.list.append(findingItem(f, at === f.pointer));
    if (s.input && at === f.pointer) {
      s.input.classList.add(f.severity);
      if (f.severity === 'error') s.input.setAttribute('aria-invalid', 'true');
    }
    s.list.closest('.section')?.classList.add('flagged');
    const item = findingItem(f, false);
    item.addEventListener('click', () => {
      const target = s.input || s.list.parentElement;
      target.scrollIntoView({ block: 'center' });
      if (s.input) s.input.focus();
    });
    all.append(item);
  }
}

// ---- the document --------------------------------------------------------------------------------------

function changed({ fromJsonView = false } = {}) {
  const json = JSON.stringify(app.doc);
  const started = performance.now();
  app.report = dxer.validate(json, app.lang);
  const ms = performance.now() - started;
  document.getElementById('timing').textContent = `${L('validatedIn')}: ${ms.toFixed(1)} ${L('ms')}`;
  const view = document.getElementById('json');
  if (!fromJsonView) view.value = JSON.stringify(app.doc, null, 2);
  showFindings();
}

function rerender() {
  renderForm();
  changed();
}

function load(doc) {
  app.doc = doc;
  rerender();
}

// A JSON text typed in the JSON view: the package validates the text itself (so invalid JSON is its
// DXER-J001 finding); the form follows whenever the text is a JSON object.
function fromJsonView() {
  const textValue = document.getElementById('json').value;
  let parsed;
  try { parsed = JSON.parse(textValue); } catch { parsed = undefined; }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    app.doc = parsed;
    renderForm();
    changed({ fromJsonView: true });
  } else {
    app.report = dxer.validate(textValue, app.lang);
    showFindings();
  }
}

function newRecord() {
  return {
    record_id: '', version: 1, status: 'draft', service_area: { area: '' }, directions: [],
    creating_act: { act: emptyLegal(), entry_into_force: '' },
    reglament: {
      general: { service_code: '', name: emptyText(), legal_basis: [emptyLegal()], provider: '', user_categories: [],
        service_type: 'transactional', form: 'mixed', channels: [], automation: 'partial' },
      standard: { documents: [], fees: { free: true }, time_limit: { value: 10, unit: 'working_days' },
        result: { kind: 'administrative_act', name: emptyText(), medium: 'electronic' } },
      procedure: { acceptance: { same_day_registration: true, confirmation_notice: true }, steps: [], refusal_grounds: [], notification_channels: [] },
      appeal: { administrative: { body: emptyText(), deadline: { value: 1, unit: 'months' }, review_period: { value: 1, unit: 'months' } },
        court: { deadline: { value: 30, unit: 'calendar_days' } } },
      contact: {},
    },
  };
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function status(message, kind = 'info') {
  const el = document.getElementById('status');
  el.className = kind;
  el.textContent = message;
}

// A conversion the package refuses (the record has errors) throws an Error carrying its report.
function convert(fn, name, type, serialize = (x) => x) {
  try {
    download(name, type, serialize(fn(JSON.stringify(app.doc), app.lang)));
    status('');
  } catch (e) {
    status(e.message, 'error');
  }
}

function baseName() {
  return String(get('/record_id') || get('/reglament/general/service_code') || 'record').replace(/[^A-Za-z0-9._-]/g, '_');
}

function setLanguage(lang) {
  app.lang = lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = L(el.getAttribute('data-i18n'));
  for (const b of document.querySelectorAll('#langs button')) b.setAttribute('aria-pressed', String(b.value === lang));
  fillExamples();
  rerender();
}

let examples = [];
function fillExamples() {
  const sel = document.getElementById('example');
  const chosen = sel.value;
  sel.replaceChildren(...examples.map((e) => h('option', { value: e.file, text: e.title[app.lang] || e.title.en || e.file })));
  if (chosen) sel.value = chosen;
}

async function loadExample() {
  const file = document.getElementById('example').value;
  const res = await fetch(`fixtures/${file}`);
  load(JSON.parse(await res.text()));
  status('');
}

async function main() {
  await init();
  app.lists = dxer.codeLists();
  try {
    examples = await (await fetch('fixtures/index.json')).json();
  } catch {
    examples = [];
  }
  document.getElementById('version').textContent = `dxer ${dxer.version()}`;
  for (const lang of LANGS) {
    document.getElementById('langs').append(h('button', { type: 'button', value: lang, text: lang.toUpperCase(), onclick: () => setLanguage(lang) }));
  }
  document.getElementById('load-example').addEventListener('click', loadExample);
  document.getElementById('new-record').addEventListener('click', () => load(newRecord()));
  document.getElementById('open-file').addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    document.getElementById('json').value = await file.text();
    fromJsonView();
  });
  document.getElementById('download-json').addEventListener('click', () =>
    download(`${baseName()}.json`, 'application/json', `${JSON.stringify(app.doc, null, 2)}\n`));
  const cpsv = document.getElementById('download-cpsv');
  const html = document.getElementById('download-html');
  if (typeof dxer.toCpsvJsonLd === 'function') {
    // The editor exports the author's own record, whatever its status: the internal export (every field).
    cpsv.addEventListener('click', () => convert((t) => dxer.toCpsvJsonLd(t, { internal: true }), `${baseName()}.jsonld`, 'application/ld+json', (x) => `${JSON.stringify(x, null, 2)}\n`));
  } else {
    cpsv.disabled = true;
    cpsv.title = L('notInBuild');
  }
  if (typeof dxer.toHtml === 'function') {
    html.addEventListener('click', () => convert((t, lang) => dxer.toHtml(t, lang, { internal: true }), `${baseName()}.${app.lang}.html`, 'text/html'));
  } else {
    html.disabled = true;
    html.title = L('notInBuild');
  }
  let timer;
  document.getElementById('json').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fromJsonView, 250);
  });
  app.doc = newRecord();
  setLanguage('az');
  document.body.setAttribute('data-ready', 'true');
}

main().catch((e) => {
  status(`${e.message}`, 'error');
  throw e;
});
