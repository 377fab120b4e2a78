// The TypeScript declarations of the package (pkg/dxer.d.ts) compile in strict mode and describe the
// exports as a TypeScript user calls them (tests/types/usage.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pkgDir } from './load.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

test('pkg/dxer.d.ts type-checks with a strict usage example', () => {
  assert.equal(path.resolve(pkgDir), path.resolve(here, '../pkg'), 'types are checked on bindings-wasm/pkg');
  const out = (() => {
    try {
      return execFileSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'es2022',
        '--moduleResolution', 'bundler', '--lib', 'es2022,dom', path.join(here, 'types/usage.ts'), path.join(here, '../pkg/dxer.d.ts')],
      { encoding: 'utf8' });
    } catch (e) {
      return `${e.stdout}${e.stderr}`;
    }
  })();
  assert.equal(out.trim(), '');
});
