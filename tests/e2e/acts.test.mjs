// The registry of acts on the demo chain, driven by veche-client as an official would: Bob, Head
// of Birchwood, makes a new ML-DSA-65 key, registers it (proof of possession), issues a decree,
// signs it; the CLI verifies the signature off chain and a copy of the text against its hash.
// Then what must be refused: a forged signature, a key of another office, a second signature by
// the same official, a stranger's key for an office they do not hold, an amendment of a repealed
// act. And the Republic's budget paying Eve by the scheduler when due (block 100: chopsticks is
// asked for the blocks, the test node makes one a second).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { connect, disconnect, advance, find, keyring, send, client, WS, UNIT } from './lib.mjs';

const HEAD = 7; // the Head of Birchwood's office
const dir = mkdtempSync(join(tmpdir(), 'veche-acts-'));
const file = (name, body) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};
let decree;
let key;

after(disconnect);
before(async () => {
  await connect();
  await advance(1);
});

test('the Head of Birchwood registers a new key, issues a decree and signs it; the signature verifies off chain', async () => {
  const api = await connect();
  const { bob } = keyring();
  const pq = join(dir, 'bob.pq');
  const made = await client('act', 'new-key', '--out', pq);
  assert.match(made.public_hash, /^0x[0-9a-f]{64}$/);
  await client('act', 'register-key', '--url', WS, '--suri', '//Bob', '--office', String(HEAD), '--pq', pq);
  const keys = (await api.query.acts.keysOf(bob.address)).map((k) => k.toNumber());
  assert.equal(keys.length, 2, 'the genesis key and the new one');
  key = keys[1];
  const text = file('well.txt', 'Decree of the Head of Birchwood: the village well is repaired by May.');
  const tabled = await client('act', 'table', '--url', WS, '--suri', '//Bob', '--office', String(HEAD), '--kind', 'decree',
    '--title', 'On the village well', '--text', text, '--locator', 'https://birchwood.example/decrees/well');
  decree = (await api.query.acts.nextAct()).toNumber() - 1;
  const record = (await api.query.acts.acts(decree)).unwrap();
  assert.equal(record.kind.toString(), 'Decree');
  assert.equal(record.status.isAdopted, true, 'a decree is issued at once');
  assert.equal((await api.query.acts.versions(decree, 0)).unwrap().content.toHex(), tabled.content);
  // Not in force until signed; the CLI signs, submits and verifies.
  let shown = await client('act', 'show', '--url', WS, '--act', String(decree));
  assert.equal(shown.in_force, null);
  const signed = await client('act', 'sign', '--url', WS, '--suri', '//Bob', '--act', String(decree), '--key', String(key), '--pq', pq);
  assert.equal(signed.complete, true);
  assert.equal(signed.all_valid, true);
  assert.deepEqual(signed.signatures.map((s) => [s.key, s.valid]), [[key, true]]);
  shown = await client('act', 'show', '--url', WS, '--act', String(decree));
  assert.notEqual(shown.in_force, null);
  const good = await client('act', 'verify', '--url', WS, '--act', String(decree), '--text', text);
  assert.equal(good.text_matches, true);
  const forged = await client('act', 'verify', '--url', WS, '--act', String(decree),
    '--text', file('forged.txt', 'Decree of the Head of Birchwood: the village well is repaired by June.'));
  assert.equal(forged.text_matches, false);
  assert.equal(forged.all_valid, false);
});

test('refused: a forged signature, a key of another office, a second signature, a stranger’s key, an amendment of a repealed act', async () => {
  const api = await connect();
  const { alice, bob, dave } = keyring();
  const noise = '0x' + '5a'.repeat(3309);
  let r = await send(api.tx.acts.sign(decree, 0, key, noise), alice);
  assert.equal(r.error, 'acts.AlreadySigned', 'Bob signed this version already, whichever key');
  // Amend the decree (issued at once): version 1, unsigned; a forged signature is refused.
  r = await send(api.tx.acts.amend(decree, '0x' + '77'.repeat(32), 'https://birchwood.example/decrees/well-2'), bob);
  assert.equal(r.error, undefined);
  r = await send(api.tx.acts.sign(decree, 1, key, noise), alice);
  assert.equal(r.error, 'acts.BadSignature');
  // Bob's key signs for Birchwood, not for the Republic's constitution (act 0).
  r = await send(api.tx.acts.sign(0, 0, key, noise), alice);
  assert.equal(r.error, 'acts.KeyOfAnotherOffice');
  // Dave holds no office of Birchwood: his key is not registered for it.
  const pq = join(dir, 'dave.pq');
  await client('act', 'new-key', '--out', pq);
  await assert.rejects(
    client('act', 'register-key', '--url', WS, '--suri', '//Dave', '--office', String(HEAD), '--pq', pq),
    /NotServing/,
  );
  assert.equal((await api.query.acts.keysOf(dave.address)).length, 0);
  // Repealed, the decree takes no amendment.
  r = await send(api.tx.acts.repeal(decree, null), bob);
  assert.equal(r.error, undefined);
  r = await send(api.tx.acts.amend(decree, '0x' + '78'.repeat(32), 'x'), bob);
  assert.equal(r.error, 'acts.ActRepealed');
});

test('the Republic’s budget pays Eve when due, by the scheduler, from the Republic’s account', async () => {
  const api = await connect();
  const { eve } = keyring();
  const payout = (await api.query.acts.payouts(1))[0];
  const due = payout.due.toNumber();
  assert.equal(payout.amount.toBigInt(), 500n * UNIT);
  // A few blocks at a time: chopsticks answers a request for ninety blocks after the RPC timeout.
  for (let now = (await api.rpc.chain.getHeader()).number.toNumber(); now < due; ) {
    await advance(Math.min(10, due - now));
    now = (await api.rpc.chain.getHeader()).number.toNumber();
  }
  // Compared across the due block itself (on the node it may be long past when this test runs).
  const at = async (n) => api.at(await api.rpc.chain.getBlockHash(n));
  const [before, after] = [await at(due - 1), await at(due)];
  const free = async (state) => (await state.query.system.account(eve.address)).data.free.toBigInt();
  assert.equal((await free(after)) - (await free(before)), 500n * UNIT);
  assert.equal((await api.query.acts.payouts(1))[0].paid.unwrap().toNumber(), due);
  const records = await after.query.system.events();
  assert.equal(find(records.map((r) => r.event), 'acts', 'PayoutMade').length, 1);
});
