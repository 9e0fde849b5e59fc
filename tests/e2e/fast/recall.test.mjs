// The loop rate → recall → removal → by-election on veche-node, on the test-network runtime
// (`fast-runtime`: ten-minute rating periods and five-minute appeal windows; scripts/e2e.sh runs
// this directory against a node of its own). Bob is the demo's Head of Birchwood (office 7),
// seated at genesis. Birchwood's four demo persons rate him with veche-client — three disapprove,
// one approves — and a German demo person is refused; after the period and its appeal window the
// period is closed (25 % approval, under a 30 % mark the commission set for the test). A recall
// starts on it; Bob responds; the confidence vote opens, three vote to remove him and one to keep
// him; after the vote's appeal window the procedure concludes: he is removed, a by-election for
// the rest of his term opens, and his portrait records the recall. A removed official is no
// longer rated.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, disconnect, builtRing, client, CLIENT, find, keyring, MODE, send, until, WS } from '../lib.mjs';

const HEAD = 7; // the Head of Birchwood
const dir = mkdtempSync(join(tmpdir(), 'veche-recall-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disconnect();
});

let SKIP = MODE !== 'node' && 'ratings and recall run on veche-node (ratings and steps are v5 general transactions)';
const keys = {};
let bob;
let period; // the period Birchwood rates Bob in
let procedure;

const sudoOk = (r) => r.error === undefined && find(r.events, 'sudo', 'Sudid')[0]?.data[0].isOk;
const head = async () => (await (await connect()).rpc.chain.getHeader()).number.toNumber();
const perbill = (percent) => percent * 10_000_000;

before(async () => {
  const api = await connect();
  if (!SKIP && api.consts.ballots.appealPeriod.toNumber() > 100) {
    SKIP = 'the node runs the default runtime (a week of appeals); scripts/e2e.sh node runs this on fast-runtime';
  }
  if (SKIP) {
    console.log(`SKIPPED: ratings and recall e2e — ${SKIP}`);
    return;
  }
  assert.ok(CLIENT, 'VECHE_CLIENT names the veche-client binary');
  const { alice } = keyring();
  bob = keyring().bob;
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  for (const n of [1, 5, 6, 7, 8]) {
    keys[n] = join(dir, `demo-${n}.key`);
    await client('key', 'demo', '--person', String(n), '--out', keys[n]);
    assert.ok((await builtRing(keys[n], 80)).revision >= 1);
  }
  // The commission (sudo here) gives the office rules of a few blocks each, and a mark of 30 %.
  const rules = {
    threshold: perbill(30),
    quorum: perbill(10),
    petition: perbill(10),
    petitionPeriod: 50,
    grace: 0,
    cooldown: 10,
    response: 5,
    vote: 12,
    appeal: 5,
    turnout: perbill(25),
  };
  assert.ok(sudoOk(await send(api.tx.sudo.sudo(api.tx.recall.setRules(HEAD, rules)), alice)));
});

test('Birchwood rates its head: three disapprove, one approves, an outsider is refused', async (t) => {
  if (SKIP) return t.skip(SKIP);
  const grades = { 5: 'utilities=1', 6: 'utilities=2', 7: 'budget=2' };
  for (const n of [5, 6, 7]) {
    const r = await client('rate', '--url', WS, '--key', keys[n], '--office', String(HEAD),
      '--official', bob.address, '--disapprove', '--grade', grades[n]);
    assert.equal(r.recorded, true, `demo person ${n}'s rating is recorded`);
    period = r.period;
  }
  const approving = await client('rate', '--url', WS, '--key', keys[8], '--office', String(HEAD),
    '--official', bob.address, '--grade', 'transport=5');
  assert.equal(approving.recorded, true);
  // A German demo person lives outside Birchwood.
  await assert.rejects(
    client('rate', '--url', WS, '--key', keys[1], '--office', String(HEAD), '--official', bob.address),
    /OutsideElectorate|pool refused|custom error/i,
  );
  const shown = await client('ratings', '--url', WS, '--office', String(HEAD), '--official', bob.address);
  assert.equal(shown.current.raters, 4);
  assert.equal(shown.current.approvals, 1);
  assert.equal(shown.current.disapprovals, 3);
  assert.equal(shown.current.roll_size, 4);
  const utilities = shown.current.spheres.find((s) => s.sphere === 'Utilities');
  assert.deepEqual(utilities.grades, [1, 1, 0, 0, 0, 0]);
  assert.equal(utilities.majority_grade, 1);
  // The history holds the two periods imported at genesis.
  assert.deepEqual(shown.history.map((p) => p.period), [10, 11]);
});

test('after the period and its appeal window the period closes at 25 % approval', async (t) => {
  if (SKIP) return t.skip(SKIP);
  const api = await connect();
  const view = (await client('ratings', '--url', WS, '--office', String(HEAD), '--official', bob.address)).current;
  const appeal = api.consts.ballots.appealPeriod.toNumber();
  await until(async () => (await head()) >= view.end + appeal, view.end + appeal - (await head()) + 30, 5);
  const closed = await client('close-period', '--url', WS, '--office', String(HEAD),
    '--official', bob.address, '--period', String(period));
  assert.equal(closed.period.closed, true);
  assert.equal(closed.period.approval_percent, 25);
  assert.equal(closed.period.turnout_percent, 100);
});

test('a recall on that period removes him by a confidence vote and opens a by-election', async (t) => {
  if (SKIP) return t.skip(SKIP);
  const api = await connect();
  const started = await client('recall', '--url', WS, '--office', String(HEAD), '--official', bob.address,
    '--period', String(period));
  procedure = started.procedure;
  assert.match(started.detail.stage, /Notice/);
  // A period of 55 % (imported) does not start another: one procedure at a time anyway.
  await assert.rejects(
    client('recall', '--url', WS, '--office', String(HEAD), '--official', bob.address, '--period', '10'),
    /ProcedureRunning|ApprovalNotLow|pool refused|custom error/i,
  );
  // Bob explains himself; Charlie may not answer for him.
  const { charlie } = keyring();
  const stranger = await send(api.tx.recall.respond(procedure, '0x' + '11'.repeat(32), []), charlie);
  assert.equal(stranger.error, 'recall.NotTheOfficial');
  const responded = await send(api.tx.recall.respond(procedure, '0x' + '22'.repeat(32), []), bob);
  assert.equal(responded.error, undefined);
  // After the response window the vote opens.
  const responseEnd = started.detail.response_end;
  await until(async () => (await head()) >= responseEnd, 40, 2);
  const opened = await client('advance', '--url', WS, '--procedure', String(procedure));
  assert.match(opened.detail.stage, /Voting/);
  for (const n of [5, 6, 7]) {
    const v = await client('confidence', '--url', WS, '--key', keys[n], '--procedure', String(procedure));
    assert.equal(v.recorded, true);
  }
  const kept = await client('confidence', '--url', WS, '--key', keys[8], '--procedure', String(procedure), '--keep');
  assert.equal(kept.recorded, true);
  // Concluding is refused until the vote's appeal window is over.
  await assert.rejects(client('advance', '--url', WS, '--procedure', String(procedure)), /NotDue|pool refused|custom error/i);
  const poll = Number(/poll: (\d+)/.exec(opened.detail.stage)[1]);
  const info = (await api.query.ballots.polls(poll)).unwrap();
  await until(async () => (await head()) >= info.appealEnd.toNumber(), 60, 2);
  const elections = (await api.query.elections.nextElectionId()).toNumber();
  const concluded = await client('advance', '--url', WS, '--procedure', String(procedure));
  assert.match(concluded.detail.stage, /Removed/);
  // The seat is empty and a by-election for it is open for nominations.
  const byElection = (await api.query.elections.elections(elections)).unwrap();
  assert.equal(byElection.office.toNumber(), HEAD);
  assert.equal(byElection.kind.type, 'ByElection');
  assert.equal(byElection.stage.type, 'Nomination');
  const seats = await api.query.elections.holders(HEAD);
  assert.ok(!seats.some((h) => h.seat.who.toString() === bob.address), 'Bob no longer holds the seat');
  // A removed official is no longer rated.
  await assert.rejects(
    client('rate', '--url', WS, '--key', keys[5], '--office', String(HEAD), '--official', bob.address),
    /NotServing|pool refused|custom error/i,
  );
});
