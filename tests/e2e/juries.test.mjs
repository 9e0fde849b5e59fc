// A jury by lot on the demo chain, driven by veche-client as citizens would: governance sends
// Birchwood's bill to a jury of three lawyers; Birchwood's four lawyers (demo persons 5–8)
// volunteer anonymously, a lawyer living in Germany (person 3) cannot; after the freeze and two
// relay epochs the jury is drawn, verified by the CLI from the chain's state, seated, and votes
// the bill into law; the law is then amended and the amendment signed with ML-DSA-65. What must
// be refused on the way: the commission deciding the bill itself while the jury holds it, a
// second acceptance, a vote by a volunteer who was not drawn.
//
// The relay epochs: veche-node --dev's mock relay chain starts an epoch every ten blocks (its
// randomness is the block number, and the chain says so: source `Mock`). Enrolments,
// acceptances and ballots are general (v5) transactions, which chopsticks cannot take (nor does
// its relay proof ever start a new epoch): the node tier runs this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { connect, disconnect, client, keyring, MODE, send, until, WS } from './lib.mjs';

const BILL = 2; // Birchwood's bill on the village green
const LAWYERS = 1; // the legal qualification
const dir = mkdtempSync(join(tmpdir(), 'veche-juries-'));
const SKIP = MODE === 'chopsticks' && 'chopsticks cannot take unsigned general (v5) transactions; the node tier runs these';
const keys = {};
let jury;

after(disconnect);
before(async () => {
  if (SKIP) return;
  await connect();
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  for (const n of [3, 5, 6, 7, 8]) {
    keys[n] = join(dir, `demo${n}.key`);
    await client('key', 'demo', '--person', String(n), '--out', keys[n]);
  }
  // The demo rings (constituencies and the lawyers' credential ring) are built.
  await until(async () => {
    const where = await client('where', '--url', WS, '--key', keys[5]);
    return where.revision >= 1 && where.covered === where.members;
  }, 40, 2);
});

/// The juries pallet's stage of the jury, as a plain object.
async function stage() {
  const api = await connect();
  return (await api.query.juries.juries(jury)).unwrap().stage.toJSON();
}

test('governance sends the bill to a jury; lawyers of Birchwood volunteer, one of Germany cannot; the commission cannot decide the bill meanwhile', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice } = keyring();
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const source = await api.query.juries.randomnessSourceOf();
  assert.equal(source.toString(), 'Mock', 'the dev chain says its randomness is the mock relay chain’s');
  const sent = await send(api.tx.sudo.sudo(api.tx.juries.sendToJury(BILL, 3, LAWYERS, now + 40, 30, 30)), alice);
  assert.equal(sent.error, undefined);
  jury = (await api.query.juries.nextJuryId()).toNumber() - 1;
  // While the jury holds the bill, the commission (here sudo) neither adopts nor rejects it.
  const adopt = await send(api.tx.sudo.sudo(api.tx.acts.adopt(BILL, 0, null)), alice);
  const sudid = adopt.events.find((e) => e.section === 'sudo' && e.method === 'Sudid');
  assert.equal(sudid.data[0].isErr, true, 'the commission’s adoption is refused');
  assert.equal((await api.query.acts.acts(BILL)).unwrap().status.isBill, true);
  for (const n of [5, 6, 7, 8]) {
    const enrolled = await client('jury', 'enrol', '--url', WS, '--key', keys[n], '--jury', String(jury));
    assert.match(enrolled.alias, /^0x[0-9a-f]{64}$/);
  }
  await assert.rejects(
    client('jury', 'enrol', '--url', WS, '--key', keys[3], '--jury', String(jury)),
    /OutsideJurisdiction/,
  );
  await assert.rejects(
    client('jury', 'enrol', '--url', WS, '--key', keys[5], '--jury', String(jury)),
    /AlreadyEnrolled/,
  );
  const info = (await api.query.juries.juries(jury)).unwrap();
  assert.equal(info.volunteers.toNumber(), 4);
});

test('after the freeze and two relay epochs the jury is drawn, and anyone recomputes the draw', { skip: SKIP }, async () => {
  const api = await connect();
  const { ferdie } = keyring();
  const freeze = (await api.query.juries.juries(jury)).unwrap().freeze.toNumber();
  await until(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= freeze, 60, 2);
  let r = await send(api.tx.juries.draw(jury, 10), ferdie);
  assert.equal(r.error, 'juries.RandomnessNotYet', 'the randomness is not known yet');
  await until(async () => {
    const recent = (await api.query.juries.recentEpochs()).toJSON();
    return recent.filter((e) => e.block > freeze).length >= 2;
  }, 40, 5);
  r = await send(api.tx.juries.draw(jury, 10), ferdie);
  assert.equal(r.error, undefined);
  const started = r.events.find((e) => e.section === 'juries' && e.method === 'DrawStarted');
  assert.equal(started.data.source.toString(), 'Mock');
  const verified = await client('jury', 'verify', '--url', WS, '--jury', String(jury));
  assert.equal(verified.verified, true);
  assert.equal(verified.drawn, 3);
  assert.deepEqual(verified.quotas, [[3, 3]], 'Birchwood, the one stratum, fills all three seats');
});

test('the drawn accept, once; the seated jury votes the bill into law; a volunteer not drawn cannot vote', { skip: SKIP }, async () => {
  const api = await connect();
  const { ferdie } = keyring();
  const drawn = [];
  let undrawn;
  for (const n of [5, 6, 7, 8]) {
    const shown = await client('jury', 'show', '--url', WS, '--jury', String(jury), '--key', keys[n]);
    if (shown.you.summons) drawn.push(n);
    else undrawn = n;
  }
  assert.equal(drawn.length, 3);
  for (const n of drawn) await client('jury', 'accept', '--url', WS, '--key', keys[n], '--jury', String(jury));
  await assert.rejects(client('jury', 'accept', '--url', WS, '--key', keys[drawn[0]], '--jury', String(jury)), /AlreadySeated/);
  await assert.rejects(client('jury', 'accept', '--url', WS, '--key', keys[undrawn], '--jury', String(jury)), /not drawn/);
  const voting = await stage();
  assert.ok(voting.voting, `the jury votes: ${JSON.stringify(voting)}`);
  const poll = voting.voting.poll;
  for (const [n, choice] of [[drawn[0], 'yes'], [drawn[1], 'yes'], [drawn[2], 'no']]) {
    const voted = await client('jury', 'vote', '--url', WS, '--key', keys[n], '--jury', String(jury), '--choice', choice);
    assert.equal(voted.recorded, true);
  }
  await assert.rejects(
    client('jury', 'vote', '--url', WS, '--key', keys[undrawn], '--jury', String(jury), '--choice', 'yes'),
    /NotOnAliasList/,
  );
  const end = (await api.query.ballots.polls(poll)).unwrap().end.toNumber();
  await until(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= end, 60, 5);
  const concluded = await send(api.tx.juries.conclude(jury), ferdie);
  assert.equal(concluded.error, undefined);
  const decided = concluded.events.find((e) => e.section === 'juries' && e.method === 'Decided');
  assert.equal(decided.data.adopted.isTrue, true);
  assert.equal(decided.data.ayes.toNumber(), 2);
  const act = (await api.query.acts.acts(BILL)).unwrap();
  assert.equal(act.kind.toString(), 'Law');
  assert.equal(act.status.isAdopted, true);
  assert.equal(act.number.isSome, true, 'the law is numbered');
});

test('the law is amended, the amendment adopted by the commission and signed by the Head of Birchwood', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice, bob } = keyring();
  let r = await send(api.tx.acts.amend(BILL, '0x' + '42'.repeat(32), 'https://birchwood.example/laws/green-2'), bob);
  assert.equal(r.error, undefined);
  const version = (await api.query.acts.acts(BILL)).unwrap().versions.toNumber() - 1;
  r = await send(api.tx.sudo.sudo(api.tx.acts.adopt(BILL, version, null)), alice);
  assert.equal(r.error, undefined);
  const pq = join(dir, 'bob.pq');
  await client('act', 'new-key', '--demo', '--out', pq);
  const signed = await client('act', 'sign', '--url', WS, '--suri', '//Bob', '--act', String(BILL),
    '--version', String(version), '--key', '0', '--pq', pq);
  assert.equal(signed.all_valid, true);
  const shown = await client('act', 'show', '--url', WS, '--act', String(BILL));
  assert.notEqual(shown.in_force, null);
  writeFileSync(join(dir, 'done'), 'ok');
});
