import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowStream } from './row-stream.ts';

test('pushed rows come out in batches; the flow pauses on a full batch and resumes when it is taken', async () => {
  const events: string[] = [];
  const stream = new RowStream(2, { pause: () => events.push('pause'), resume: () => events.push('resume') });
  const out: number[][] = [];
  const consumer = (async () => {
    for await (const b of stream.batches((e) => e as Error)) out.push(b.rows.map((r) => r[0] as number));
  })();
  for (let i = 0; i < 5; i++) stream.push([i]);
  stream.end();
  await consumer;
  assert.deepEqual(out, [[0, 1], [2, 3], [4]]);
  assert.ok(events.includes('pause'));
});

test('an empty result yields one empty batch; a failure is thrown; draining drops further rows', async () => {
  const empty = new RowStream(10, { pause: () => undefined, resume: () => undefined });
  empty.end();
  const sizes: number[] = [];
  for await (const b of empty.batches((e) => e as Error)) sizes.push(b.rows.length);
  assert.deepEqual(sizes, [0]);
  const failing = new RowStream(10, { pause: () => undefined, resume: () => undefined });
  failing.fail(new Error('boom'));
  await assert.rejects((async () => { for await (const _ of failing.batches((e) => e as Error)) void _; })(), /boom/);
  const draining = new RowStream(1, { pause: () => undefined, resume: () => undefined });
  const done = draining.drain();
  draining.push([1]);
  draining.end();
  await done;
  assert.equal(draining.done, true);
});
