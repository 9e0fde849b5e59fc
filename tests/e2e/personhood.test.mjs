// Personhood end to end, driven by veche-client ($VECHE_CLIENT) as a registrar and its persons
// would use it: eight fresh ring keys are registered by Dave (the demo registrar) in the Polish
// diaspora constituency, their cohort joins a ring (MinCohort = 8) on its own through on_idle,
// and a person's anonymous proof is verified by the runtime — and refused for the wrong context,
// a stale revision, or a second registration of the same passport.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, disconnect, advance, builtRing, client, CLIENT, WS } from './lib.mjs';

const POLAND = 6; // the demo's "Diaspora in Poland": nobody registered at genesis
const dir = mkdtempSync(join(tmpdir(), 'veche-personhood-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disconnect();
});

const people = [];
before(async () => {
  assert.ok(CLIENT, 'VECHE_CLIENT names the veche-client binary');
  // A fresh chain stores no static ring chunks: upload them (free, idempotent) so rings get built.
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  writeFileSync(join(dir, 'shared-secret'), 'registrars-shared-secret-for-e2e');
  for (let i = 1; i <= 8; i++) {
    const key = join(dir, `person-${i}.key`);
    const { member } = await client('key', 'new', '--out', key);
    const { tag } = await client('tag', '--secret-file', join(dir, 'shared-secret'),
      '--country', 'BY', '--id-number', `31405${1000 + i}A001PB${i}`);
    people.push({ key, member, tag });
  }
});

test('the static ring chunks are all stored', async () => {
  const api = await connect();
  assert.equal((await api.query.personhood.chunkPagesStored()).toNumber(), 3);
  // Nothing is left to upload: a second run is a no-op, not an error.
  const again = await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  assert.deepEqual(again.uploaded_pages, []);
});

test('a registrar registers eight persons in one batch with veche-client; their keys wait for the cohort', async () => {
  const api = await connect();
  const batch = people.flatMap((p) => ['--person', `${p.tag}:${p.member}:${POLAND}`]);
  const out = await client('register-batch', '--url', WS, '--suri', '//Dave', ...batch);
  assert.equal(out.registered, 8);
  const person = await api.query.personhood.people(people[0].tag);
  assert.equal(person.unwrap().constituency.toNumber(), POLAND);
  assert.equal(person.unwrap().key.toHex(), people[0].member);
});

test('the same passport at a registrar again is refused', async () => {
  const again = join(dir, 'again.key');
  const { member } = await client('key', 'new', '--out', again);
  await assert.rejects(
    client('register', '--url', WS, '--suri', '//Dave', '--tag', people[0].tag, '--member', member,
      '--constituency', String(POLAND)),
    /PersonAlreadyExists/,
  );
});

test('the cohort joins its ring by itself and the ring is built', async () => {
  const where = await builtRing(people[0].key);
  assert.equal(where.set, `constituency:${POLAND}`);
  assert.equal(where.members, 8);
  assert.equal(where.covered, 8);
  assert.ok(where.revision >= 1);
});

test('a member proves personhood anonymously and the runtime verifies the alias', async () => {
  const proof = await client('prove', '--url', WS, '--key', people[2].key, '--context', 'poll:e2e',
    '--message', 'yes');
  assert.equal(proof.ring_size, 8);
  const { alias } = await client('alias', '--key', people[2].key, '--context', 'poll:e2e');
  assert.equal(proof.alias, alias);
  const args = ['--url', WS, '--proof', proof.proof, '--set', proof.set, '--index', String(proof.index),
    '--revision', String(proof.revision)];
  const ok = await client('verify', ...args, '--context', 'poll:e2e', '--message', 'yes');
  assert.deepEqual(ok, { valid: true, alias, set: `constituency:${POLAND}`, revision: proof.revision });
  // Another context, another message, a revision that does not exist: refused, with the reason.
  const other = await client('verify', ...args, '--context', 'poll:other', '--message', 'yes');
  assert.deepEqual(other, { valid: false, reason: 'InvalidProof' });
  const changed = await client('verify', ...args, '--context', 'poll:e2e', '--message', 'no');
  assert.deepEqual(changed, { valid: false, reason: 'InvalidProof' });
  const stale = ['--url', WS, '--proof', proof.proof, '--set', proof.set, '--index', String(proof.index),
    '--revision', String(proof.revision + 1), '--context', 'poll:e2e', '--message', 'yes'];
  assert.deepEqual(await client('verify', ...stale), { valid: false, reason: 'NotInRoll' });
  console.log(`proof: ${proof.proof_bytes} bytes, built in ${proof.prove_ms} ms over ${proof.ring_size} keys`);
});

test('a genesis demo person proves from the Germany ring', async () => {
  const key = join(dir, 'demo-1.key');
  await client('key', 'demo', '--person', '1', '--out', key);
  await builtRing(key);
  const proof = await client('prove', '--url', WS, '--key', key, '--context', 'poll:demo', '--message', 'hi');
  assert.equal(proof.set, 'constituency:5');
  const ok = await client('verify', '--url', WS, '--proof', proof.proof, '--set', proof.set,
    '--index', String(proof.index), '--revision', String(proof.revision), '--context', 'poll:demo',
    '--message', 'hi');
  assert.equal(ok.valid, true);
  assert.equal(ok.alias, proof.alias);
});
