// Uploads share one queue: a person checks one file at a time (a second upload meanwhile is refused, in
// words), everyone sees how many files are ahead of theirs, and no more jobs run at once than the setting
// allows. The queue is held by a job of its own (standing for another office's large file being checked),
// so what each upload finds is decided by the order of events, not by how fast the machine is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { enqueue, idle, registerLedger } from './registry';
import { createExampleTable, exampleLedger } from './testing/exampleLedger';
import { upload, waitFor } from './testing/helpers';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;
const KEY = 'example-members';
const csv = (id: string) => Buffer.from(`姓名,身份证号,年度,行政区划代码\n某,${id},2025,441426104000\n`);
const A = '441426198001010011';
const B = '441426199002150029';

const dataDir = mkdtempSync(join(tmpdir(), 'xz-queue-'));
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  await createExampleTable(t.services.db);
  registerLedger(t.app, exampleLedger);
  alice = await t.userClient('alice', 'admin', { all: true });
  bob = await t.userClient('bob', 'admin', { all: true });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A job that holds its place in the queue until released. */
function holdQueue() {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  void enqueue(t.services, () => held);
  return release;
}

describe('the import queue', () => {
  it('one file at a time per person, refused in words; everyone sees the files ahead of theirs', async () => {
    const release = holdQueue();
    const first = await upload(alice, KEY, 'a.csv', csv(A));
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({ status: 'reading', queuePosition: 1 });

    // the same person again while the first file waits: refused, saying why, nothing kept
    const second = await upload(alice, KEY, 'a2.csv', csv(B));
    expect(second.statusCode).toBe(429);
    expect(second.json().details.map((d: { message: string }) => d.message)).toEqual([
      '您上一个文件还在校验（每人一次校验一个文件），请等它校验完成后再上传',
    ]);

    // someone else queues behind both
    const other = await upload(bob, KEY, 'b.csv', csv(B));
    expect(other.statusCode, other.body).toBe(202);
    expect(other.json()).toMatchObject({ status: 'reading', queuePosition: 2 });
    expect((await alice.get(`/api/ledgers/imports/${first.json().id}`)).json().queuePosition).toBe(1);

    release();
    expect(await waitFor(alice, first.json().id)).toMatchObject({ status: 'ready', valid: 1, queuePosition: null });
    expect(await waitFor(bob, other.json().id)).toMatchObject({ status: 'ready', valid: 1, queuePosition: null });
    // her file checked, she may send the next
    const next = await upload(alice, KEY, 'a2.csv', csv(B));
    expect(next.statusCode, next.body).toBe(202);
    await waitFor(alice, next.json().id);
  });

  it('a refused upload does not keep the person waiting', async () => {
    const bad = await upload(alice, KEY, 'empty.csv', Buffer.alloc(0));
    expect(bad.json().code).toBe('LEDGER_FILE');
    expect(JSON.stringify(bad.json())).toContain('文件是空的');
    const good = await upload(alice, KEY, 'a.csv', csv(A));
    expect(good.statusCode, good.body).toBe(202);
    await waitFor(alice, good.json().id);
  });

  it('runs no more jobs at once than LEDGER_JOBS allows', async () => {
    const limits = t.services.config.ledgers;
    try {
      limits.jobs = 2;
      const releaseOne = holdQueue();
      const releaseTwo = holdQueue(); // both run: two places taken
      const mine = await upload(alice, KEY, 'a.csv', csv(A));
      expect(mine.json()).toMatchObject({ status: 'reading', queuePosition: 2 });
      releaseOne(); // a place frees: the file is checked while the other job still runs
      expect(await waitFor(alice, mine.json().id)).toMatchObject({ status: 'ready' });
      releaseTwo();
      await idle(t.services);
    } finally {
      limits.jobs = 1;
    }
  });
});
