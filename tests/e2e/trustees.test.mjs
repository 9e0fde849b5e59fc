// A real key ceremony on the demo chain, driven by veche-client as trustees would: governance
// names Dave, Eve and Ferdie trustees of a 2-of-3 key; each registers a communication key from
// its own secret seed (random here, never public); Dave and Eve deal, Ferdie does not; after the
// complaint phase anyone finalizes and the key is ready with two qualified dealers, and becomes
// the key new consultations seal to. Each trustee checks the shares dealt to it (none bad). A
// Birchwood resident (demo person 7) answers a consultation sealed to the new key; after the
// close Ferdie — who dealt nothing but holds a share — and Dave decrypt, and the count comes out
// right. What must be refused on the way: a stranger registering, dealing during registration, a
// finalization before the complaints close, a partial decryption by a trustee of another key.
// Governance then retires the key: nothing new is admitted until another key is ready.
//
// It runs after consultations.test.mjs (node's runner sorts the files), which uses the genesis
// key this ceremony replaces. Profiles' calls are general (v5) transactions, which chopsticks
// cannot take: the node tier runs this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { connect, disconnect, client, keyring, MODE, send, until, WS } from './lib.mjs';

const BIRCHWOOD = 3;
const PHASE = 20; // blocks; the runtime wants at least 10 (`MinPhase`)
const SKIP = MODE === 'chopsticks' && 'chopsticks cannot take unsigned general (v5) transactions; the node tier runs these';
const dir = mkdtempSync(join(tmpdir(), 'veche-trustees-'));
const seeds = { dave: randomBytes(32), eve: randomBytes(32), ferdie: randomBytes(32) };
const hex = (b) => '0x' + Buffer.from(b).toString('hex');

/** The error of the call sudo dispatched (`pallet.Error`), `undefined` if it succeeded. */
async function sudoError(r) {
  assert.equal(r.error, undefined);
  const sudid = r.events.find((e) => e.section === 'sudo' && e.method === 'Sudid');
  assert.ok(sudid, 'sudo dispatched the call');
  const result = sudid.data[0];
  if (result.isOk) return undefined;
  const err = result.asErr;
  if (!err.isModule) return err.toString();
  const m = (await connect()).registry.findMetaError(err.asModule);
  return `${m.section}.${m.name}`;
}
let ceremony;
let key7;
let consultation;

after(disconnect);
before(async () => {
  if (SKIP) return;
  await connect();
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  key7 = join(dir, 'demo7.key');
  await client('key', 'demo', '--person', '7', '--out', key7);
  await until(async () => {
    const where = await client('where', '--url', WS, '--key', key7);
    return where.revision >= 1 && where.covered === where.members;
  }, 40, 2);
});

const trustee = (op, who, ...args) =>
  client('trustee', op, '--url', WS, '--suri', `//${who[0].toUpperCase()}${who.slice(1)}`, '--seed', hex(seeds[who]), ...args);
const blockNumber = async () => (await (await connect()).rpc.chain.getHeader()).number.toNumber();
const waitFor = async (block) => until(async () => (await blockNumber()) >= block, 3 * PHASE + 30, 1);

test('three trustees register, two deal, and the finalized key needs two of them', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice, dave, eve, ferdie, charlie } = keyring();
  const previous = (await api.query.trustees.currentKey()).unwrap().toNumber();
  ceremony = (await api.query.trustees.nextKeyId()).toNumber();
  const opened = await send(api.tx.sudo.sudo(api.tx.trustees.openCeremony([dave.address, eve.address, ferdie.address], 2, PHASE)), alice);
  assert.equal(await sudoError(opened), undefined);
  for (const who of ['dave', 'eve', 'ferdie']) await trustee('register', who, '--ceremony', String(ceremony));
  // Charlie is no trustee of this key; dealing waits for registration to close.
  const stranger = await send(api.tx.trustees.register(ceremony, hex(new Uint8Array(32)), { c: hex(new Uint8Array(32)), z: hex(new Uint8Array(32)) }), charlie);
  assert.equal(stranger.error, 'trustees.NotATrustee');
  await assert.rejects(trustee('deal', 'dave', '--ceremony', String(ceremony)), /NotDealing/);
  const c = (await api.query.trustees.ceremonies(ceremony)).unwrap();
  assert.equal(c.registered.toNumber(), 3);
  await waitFor(c.registerBy.toNumber());
  await trustee('deal', 'dave', '--ceremony', String(ceremony));
  await trustee('deal', 'eve', '--ceremony', String(ceremony));
  // Every trustee's shares match their dealers' commitments: nobody to complain about.
  const checks = {};
  for (const who of ['dave', 'eve', 'ferdie']) {
    checks[who] = await trustee('check', who, '--ceremony', String(ceremony));
    assert.deepEqual(checks[who].badDealers, [], `${who} found bad shares`);
  }
  assert.equal(new Set(Object.values(checks).map((x) => x.verificationKey)).size, 3);
  const early = await send(api.tx.trustees.finalize(ceremony), charlie);
  assert.equal(early.error, 'trustees.CeremonyNotOver');
  await waitFor(c.complainBy.toNumber());
  const done = await send(api.tx.trustees.finalize(ceremony), charlie);
  assert.equal(done.error, undefined);
  const ready = (await api.query.trustees.ceremonies(ceremony)).unwrap();
  assert.equal(ready.stage.isReady, true);
  assert.equal(ready.stage.asReady.qualified.toNumber(), 2);
  assert.equal((await api.query.trustees.currentKey()).unwrap().toNumber(), ceremony);
  assert.ok(ceremony > previous);
  // Made from secret seeds: not marked public.
  assert.equal((await api.query.trustees.publicSeedKeys(ceremony)).isSome, false);
});

test('an answer sealed to the new key is decrypted by two of its trustees and counted', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice } = keyring();
  const civic = (...args) => client('civic', ...args, '--url', WS);
  await civic('open', '--key', key7, '--name', 'Resident 7');
  const proposed = await civic('propose', '--key', key7, '--unit', String(BIRCHWOOD), '--sphere', 'Environment', '--title', 'Trees along the new road', '--options', '3');
  consultation = proposed.consultation;
  const admitted = await send(api.tx.sudo.sudo(api.tx.consultations.admit(consultation, 12)), alice);
  assert.equal(await sudoError(admitted), undefined);
  const stage = (await api.query.consultations.consultations(consultation)).unwrap().stage.asOpen;
  assert.equal(stage.key.toNumber(), ceremony, 'sealed to the ceremony’s key');
  await civic('answer', '--key', key7, '--consultation', String(consultation), '--choice', '2');
  assert.equal((await civic('read', '--key', key7, '--consultation', String(consultation))).choice, 2);
  await waitFor(stage.closes.toNumber());
  // The genesis key's trustees hold no share of this key.
  await assert.rejects(
    client('trustee', 'decrypt', '--url', WS, '--suri', '//Alice', '--public-seed', '1', '--consultation', String(consultation)),
    /NotATrustee|not a trustee/, // the client refuses before sending; the chain would too
  );
  await trustee('decrypt', 'ferdie', '--consultation', String(consultation));
  await trustee('decrypt', 'dave', '--consultation', String(consultation));
  const counted = await client('civic', 'count', '--url', WS, '--consultation', String(consultation), '--suri', '//Charlie');
  assert.deepEqual(counted.counts, [0, 0, 1]);
  const c = (await api.query.consultations.consultations(consultation)).unwrap();
  assert.equal(c.stage.isCounted, true);
  assert.equal(c.stage.asCounted.winner.unwrap().toNumber(), 2);
});

test('governance retires the key: its answers stay counted, nothing new is admitted', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice } = keyring();
  const retired = await send(api.tx.sudo.sudo(api.tx.trustees.retire(ceremony)), alice);
  assert.equal(await sudoError(retired), undefined);
  const c = (await api.query.trustees.ceremonies(ceremony)).unwrap();
  assert.equal(c.stage.isRetired, true);
  assert.equal((await api.query.trustees.currentKey()).isNone, true);
  const proposed = await client('civic', 'propose', '--url', WS, '--key', key7, '--unit', String(BIRCHWOOD), '--sphere', 'Environment', '--title', 'A second question', '--options', '2');
  const admitted = await send(api.tx.sudo.sudo(api.tx.consultations.admit(proposed.consultation, 12)), alice);
  assert.equal(await sudoError(admitted), 'consultations.NoKey');
});
