// Loads the built package (bindings-wasm/pkg, made by scripts/build-wasm) in Node, synchronously.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const pkgDir = process.env.DXER_WASM_PKG ? path.resolve(process.env.DXER_WASM_PKG) : path.join(root, 'bindings-wasm/pkg');

if (!fs.existsSync(path.join(pkgDir, 'dxer_bg.wasm'))) {
  throw new Error(`no package at ${pkgDir}: run ./scripts/build-wasm first`);
}

const dxer = await import(path.join(pkgDir, 'dxer.js'));
dxer.initSync({ module: fs.readFileSync(path.join(pkgDir, 'dxer_bg.wasm')) });
export default dxer;

export const fixturesRoot = path.join(root, 'tests/fixtures');

/** Every fixture of a group: { name, dir, bytes, isBinary, expected: [[code, pointer]...], rule }. */
export function fixtures(group) {
  const dir = path.join(fixturesRoot, group);
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const d = path.join(dir, name);
      const isBinary = fs.existsSync(path.join(d, 'input.bin'));
      const bytes = fs.readFileSync(path.join(d, isBinary ? 'input.bin' : 'input.json'));
      const exp = JSON.parse(fs.readFileSync(path.join(d, 'expected.json'), 'utf8'));
      return { name, dir: d, bytes, isBinary, expected: exp.findings.map((f) => [f.code, f.pointer]), rule: exp.rule };
    });
}

export function readFixture(group, name) {
  return fs.readFileSync(path.join(fixturesRoot, group, name, 'input.json'), 'utf8');
}

export const pairs = (report) => report.findings.map((f) => [f.code, f.pointer]);
