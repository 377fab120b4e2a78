// The records every WebAssembly benchmark validates: the valid conformance fixtures and the example
// records (examples/records/*.json), as JSON text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function records() {
  const out = [];
  const valid = path.join(root, 'tests/fixtures/valid');
  for (const name of fs.readdirSync(valid).sort()) {
    out.push({ name: `fixture:${name}`, text: fs.readFileSync(path.join(valid, name, 'input.json'), 'utf8') });
  }
  const examples = path.join(root, 'examples/records');
  for (const name of fs.readdirSync(examples).filter((n) => n.endsWith('.json')).sort()) {
    out.push({ name: `example:${name}`, text: fs.readFileSync(path.join(examples, name), 'utf8') });
  }
  return out;
}
