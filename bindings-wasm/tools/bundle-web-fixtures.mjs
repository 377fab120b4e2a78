// Copies example records from the shared conformance fixtures into examples/web/fixtures (gitignored),
// with an index the demo page's "load example" list reads. Run by scripts/build-wasm.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'examples/web/fixtures');
// Every valid fixture, and a few defective ones that show many kinds of findings.
const INVALID = ['dxer-f003-zero-fee', 'multi-seed-004-defects', 'multi-eservice-gaps', 'multi-time-limit-defects', 'multi-legal-basis-defects'];

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const index = [];
const add = (group, name) => {
  const src = path.join(root, 'tests/fixtures', group, name, 'input.json');
  if (!fs.existsSync(src)) return;
  const text = fs.readFileSync(src, 'utf8');
  const file = `${group}-${name}.json`;
  fs.writeFileSync(path.join(out, file), text);
  let title = { az: name, en: name, ru: name };
  try {
    const doc = JSON.parse(text);
    const n = (doc.reglament || doc).general?.name || {};
    const tag = group === 'valid' ? '' : ` [${name}]`;
    title = { az: `${n.az || name}${tag}`, en: `${n.en || n.az || name}${tag}`, ru: `${n.ru || n.az || name}${tag}` };
  } catch { /* the title stays the fixture's name */ }
  index.push({ file, group, name, title });
};
for (const name of fs.readdirSync(path.join(root, 'tests/fixtures/valid')).sort()) add('valid', name);
for (const name of INVALID) add('invalid', name);
fs.writeFileSync(path.join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`${index.length} example records in ${path.relative(root, out)}`);
