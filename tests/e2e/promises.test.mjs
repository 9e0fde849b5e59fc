// Promises on the demo chain: Charlie and Ferdie stand for the Birchwood council (election 0)
// with their programmes; Charlie adds a promise while nominations are open, Ferdie withdraws
// one; Eve, the accredited auditor, is refused until her identity is judged, then because the
// election has not seated anyone yet; a signed account cannot decide an appeal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, disconnect, advance, find, keyring, send, UNIT } from './lib.mjs';

const BIRCHWOOD = 0;
const DEPOSIT = UNIT; // configs/promises.rs: PromiseDeposit

after(disconnect);
before(async () => {
  await connect();
  await advance(1);
});

const promisesOf = async (who) =>
  (await (await connect()).query.promises.byCandidacy(who, BIRCHWOOD)).map((id) => id.toNumber());

const held = async (who) => {
  const api = await connect();
  const holds = await api.query.balances.holds(who);
  return holds
    .filter((h) => h.id.toString().includes('Promises') || JSON.stringify(h.id.toJSON()).includes('promises'))
    .reduce((s, h) => s + h.amount.toBigInt(), 0n);
};

test('the demo candidates stand with their programmes and a candidate adds a promise', async () => {
  const api = await connect();
  const { charlie } = keyring();
  assert.deepEqual(await promisesOf(charlie.address), [0, 1, 2]);
  const road = (await api.query.promises.promises(0)).unwrap();
  assert.equal(road.sphere.toString(), 'Transport');
  assert.equal(road.status.toString(), 'NotYetRated');
  assert.equal(await held(charlie.address), 3n * DEPOSIT);
  const r = await send(
    api.tx.promises.make(BIRCHWOOD, 'Lights along the school road', '0x' + '11'.repeat(32), 'PublicSafety', null, 0),
    charlie,
  );
  assert.equal(r.error, undefined);
  const [made] = find(r.events, 'promises', 'PromiseMade');
  assert.equal(made.data.parent.unwrap().toNumber(), 0);
  const id = made.data.promise.toNumber();
  assert.deepEqual(await promisesOf(charlie.address), [0, 1, 2, id]);
  assert.equal(await held(charlie.address), 4n * DEPOSIT);
  assert.equal((await api.query.promises.promises(0)).unwrap().parts.toNumber(), 1);
});

test('a stranger makes no promise for an election, and a candidate withdraws one before voting', async () => {
  const api = await connect();
  const { dave, ferdie } = keyring();
  const refused = await send(
    api.tx.promises.make(BIRCHWOOD, 'x', '0x' + '00'.repeat(32), 'Health', null, null),
    dave,
  );
  assert.equal(refused.error, 'promises.NotNominating');
  const before = await held(ferdie.address);
  const r = await send(api.tx.promises.withdraw(4), ferdie);
  assert.equal(r.error, undefined);
  assert.deepEqual(await promisesOf(ferdie.address), [3]);
  assert.equal(before - (await held(ferdie.address)), DEPOSIT);
});

test('the auditor rates only once identified, and only promises of the elected', async () => {
  const api = await connect();
  const { alice, eve, ferdie } = keyring();
  const early = await send(api.tx.promises.rate(3, 'Kept', '0x' + '22'.repeat(32)), eve);
  assert.equal(early.error, 'promises.NotIdentified');
  // Alice (sudo) makes herself an identity registrar and judges Eve.
  const added = await send(api.tx.sudo.sudo(api.tx.identity.addRegistrar(alice.address)), alice);
  assert.equal(added.error, undefined);
  const registrar = (await api.query.identity.registrars()).length - 1;
  assert.equal((await send(api.tx.identity.setIdentity({ display: { Raw: 'Eve, civic audit' } }), eve)).error, undefined);
  const info = (await api.query.identity.identityOf(eve.address)).unwrap();
  const registration = Array.isArray(info) ? info[0] : info;
  const judged = await send(
    api.tx.identity.provideJudgement(registrar, eve.address, 'Reasonable', registration.info.hash),
    alice,
  );
  assert.equal(judged.error, undefined);
  const r = await send(api.tx.promises.rate(3, 'Kept', '0x' + '22'.repeat(32)), eve);
  assert.equal(r.error, 'promises.MakerNotElected');
  const appeal = await send(api.tx.promises.decideAppeal(3, 'Kept', '0x' + '33'.repeat(32)), ferdie);
  assert.equal(appeal.error, 'BadOrigin');
});
