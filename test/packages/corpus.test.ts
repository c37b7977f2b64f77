// Every package of the shared corpus either runs or stops with a clear message naming what is missing: never a crash, a hang or a command-line error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dtexec } from './dtexec-harness.ts';

const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const files = ['v2', 'v3', 'v6', 'v8', 'other'].flatMap((d) => readdirSync(join(corpus, d)).filter((f) => f.endsWith('.dtsx')).map((f) => join(corpus, d, f)));

test('the corpus is there', () => {
  assert.ok(files.length > 50, `only ${files.length} packages under ${corpus}`);
});

for (const file of files) {
  test(`corpus: ${file.slice(corpus.length + 1)}`, { timeout: 60_000 }, async () => {
    const { code, out } = await dtexec(['/F', file], 2014);
    const text = out.join('\n');
    assert.ok([0, 1, 5].includes(code), `exit ${code}\n${text}`);
    if (code === 0) assert.ok(out.includes('DTExec: The package execution returned DTSER_SUCCESS (0).'), text);
    if (code === 1) {
      assert.ok(out.includes('DTExec: The package execution returned DTSER_FAILURE (1).'), text);
      const descriptions = out.filter((l) => l.startsWith('   Description: '));
      assert.ok(descriptions.length > 0, text);
      assert.ok(descriptions.every((d) => d.length > 40 && !/undefined|\[object Object\]/.test(d)), text);
    }
    if (code === 5) assert.ok(out.some((l) => /^Could not load package ".*" because of error 0x[0-9A-F]{8}\.$/.test(l)), text);
    assert.ok(!/internal error|TypeError|ReferenceError|at .*\.ts:\d+/.test(text), text);
  });
}
