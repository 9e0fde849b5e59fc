// Responsible residents on the demo chain, driven by veche-client as residents and trustees
// would: two Birchwood residents (demo persons 5 and 6) open civic profiles; person 5 proposes
// consultations of Birchwood, governance admits them; both answer, sealed to the trustees' key
// (the dev chain's 2-of-3 key of Alice, Bob and Charlie, made at genesis from public seeds — the
// chain marks it so); person 6, who answers every one without a proposal, is a responsible
// resident, then posts an idea and becomes a local expert; after the close two trustees decrypt
// and anyone publishes the counts, which the chain checks; person 6 shows that its answer agreed
// with the majority. What must be refused on the way: a second profile of the same person, an
// answer from the diaspora in Germany (person 1) to a Birchwood consultation, reading the result
// before the close, wrong counts.
//
// Profiles' calls are general (v5) transactions, which chopsticks cannot take: the node tier
// runs this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { connect, disconnect, client, keyring, MODE, send, until, advance, WS } from './lib.mjs';

const BIRCHWOOD = 3;
const SKIP = MODE === 'chopsticks' && 'chopsticks cannot take unsigned general (v5) transactions; the node tier runs these';
const dir = mkdtempSync(join(tmpdir(), 'veche-consultations-'));
const keys = {};
const profiles = {};
const consultations = [];

after(disconnect);
before(async () => {
  if (SKIP) return;
  await connect();
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  for (const n of [1, 5, 6]) {
    keys[n] = join(dir, `demo${n}.key`);
    await client('key', 'demo', '--person', String(n), '--out', keys[n]);
  }
  await until(async () => {
    const where = await client('where', '--url', WS, '--key', keys[5]);
    return where.revision >= 1 && where.covered === where.members;
  }, 40, 2);
});

const civic = (...args) => client('civic', ...args, '--url', WS);

test('residents open one profile each; the dev key is marked as made from public seeds', { skip: SKIP }, async () => {
  const api = await connect();
  const current = (await api.query.trustees.currentKey()).unwrap().toNumber();
  assert.equal((await api.query.trustees.publicSeedKeys(current)).isSome, true, 'the dev key says anyone can decrypt');
  for (const n of [1, 5, 6]) {
    const opened = await civic('open', '--key', keys[n], '--name', `Resident ${n}`);
    assert.match(opened.alias, /^0x[0-9a-f]{64}$/);
    profiles[n] = opened.profile;
  }
  await assert.rejects(civic('open', '--key', keys[5]), /KeyInUse|AliasUsed/);
  const status = await civic('status', '--key', keys[6]);
  assert.equal(status.status, 'Registered');
  assert.equal(status.constituency, BIRCHWOOD);
});

test('a resident proposes consultations of Birchwood, governance admits them, residents answer sealed', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice } = keyring();
  for (const title of ['The state of the village roads', 'A new bus line to Novgorod', 'Lighting on the lake path']) {
    const proposed = await civic('propose', '--key', keys[5], '--unit', String(BIRCHWOOD), '--sphere', 'Transport', '--title', title, '--options', '3');
    consultations.push(proposed.consultation);
    const admitted = await send(api.tx.sudo.sudo(api.tx.consultations.admit(proposed.consultation, 25)), alice);
    assert.equal(admitted.error, undefined);
  }
  for (const c of consultations) {
    await civic('answer', '--key', keys[5], '--consultation', String(c), '--choice', '1');
    await civic('answer', '--key', keys[6], '--consultation', String(c), '--choice', '1');
  }
  // Person 5 changes one answer; person 6 reads its own back.
  const changed = await civic('answer', '--key', keys[5], '--consultation', String(consultations[0]), '--choice', '2');
  assert.equal(changed.revision, 1);
  const mine = await civic('read', '--key', keys[6], '--consultation', String(consultations[0]));
  assert.equal(mine.choice, 1);
  // The diaspora in Germany is not Birchwood.
  await assert.rejects(civic('answer', '--key', keys[1], '--consultation', String(consultations[0]), '--choice', '0'), /NotEligible/);
  // Nothing readable yet: the chain keeps ciphertexts, and trustees cannot decrypt before the close.
  const c0 = (await api.query.consultations.consultations(consultations[0])).unwrap();
  assert.equal(c0.answers.toNumber(), 2);
  assert.equal(c0.counts.length, 0);
  await assert.rejects(
    client('trustee', 'decrypt', '--url', WS, '--suri', '//Alice', '--public-seed', '1', '--consultation', String(consultations[0])),
    /StillOpen/,
  );
});

test('answering every consultation makes person 6 responsible; an idea makes it a local expert', { skip: SKIP }, async () => {
  let status = await civic('status', '--key', keys[6]);
  assert.equal(status.consultations, 3);
  assert.equal(status.answered, 3);
  assert.equal(status.status, 'Responsible', 'no proposal or idea this month yet');
  const idea = await civic('idea', '--key', keys[6], '--unit', String(BIRCHWOOD), '--sphere', 'Transport', '--title', 'Bike racks at the school');
  status = await civic('status', '--key', keys[6]);
  assert.equal(status.monthsProposing, 1);
  assert.equal(status.status, 'LocalExpert');
  // Person 5 proposed, but changed an answer: 2 settled of 3 is not above 75 %.
  const five = await civic('status', '--key', keys[5]);
  assert.equal(five.settled, 2);
  assert.equal(five.status, 'Responsible');
  // Person 5 grades the idea; the board shows it.
  await civic('rate', '--key', keys[5], '--idea', String(idea.idea), '--grade', '5');
  const api = await connect();
  const TRANSPORT = 8; // the sphere's index
  const board = await api.query.consultations.topIdeas(BIRCHWOOD, TRANSPORT);
  assert.equal(board.unwrap()[0][0].toNumber(), idea.idea);
});

test('after the close two trustees decrypt, the counts are checked, and an answer shows its agreement', { skip: SKIP }, async () => {
  const api = await connect();
  const last = (await api.query.consultations.consultations(consultations.at(-1))).unwrap().stage.asOpen.closes.toNumber();
  await until(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= last, 60, 1);
  for (const c of consultations) {
    await client('trustee', 'decrypt', '--url', WS, '--suri', '//Alice', '--public-seed', '1', '--consultation', String(c));
    await client('trustee', 'decrypt', '--url', WS, '--suri', '//Bob', '--public-seed', '2', '--consultation', String(c));
  }
  // Wrong counts are refused even when their total is right.
  const { charlie } = keyring();
  const wrong = await send(api.tx.consultations.publishResult(consultations[1], [2, 0, 0]), charlie);
  assert.equal(wrong.error, 'consultations.WrongCounts');
  const counted = [];
  for (const c of consultations) {
    counted.push((await civic('count', '--consultation', String(c), '--suri', '//Charlie')).counts);
  }
  assert.deepEqual(counted, [[0, 1, 1], [0, 2, 0], [0, 2, 0]]);
  const c1 = (await api.query.consultations.consultations(consultations[1])).unwrap();
  assert.equal(c1.stage.isCounted, true);
  assert.equal(c1.stage.asCounted.winner.unwrap().toNumber(), 1);
  await civic('claim', '--key', keys[6], '--consultation', String(consultations[1]));
  const status = await civic('status', '--key', keys[6]);
  assert.equal(status.agreed, 1);
  // The first consultation is a tie: nobody can claim agreement with a majority.
  await assert.rejects(civic('claim', '--key', keys[6], '--consultation', String(consultations[0])), /no option won/);
});
