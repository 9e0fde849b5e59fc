// Money and governance through extrinsics: a transfer, a council motion that changes the
// election commission, a referendum decided by the commission and enacted, and bad extrinsics
// rejected with the expected errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, disconnect, keyring, send, find, until, UNIT } from './lib.mjs';

after(disconnect);
const k = keyring();

test('a balances transfer moves VEC and emits Transfer', async () => {
  const api = await connect();
  const before = (await api.query.system.account(k.dave.address)).data.free.toBigInt();
  const { events, error } = await send(api.tx.balances.transferKeepAlive(k.dave.address, 5n * UNIT), k.alice);
  assert.equal(error, undefined);
  const [transfer] = find(events, 'balances', 'Transfer');
  assert.ok(transfer, 'Balances.Transfer emitted');
  assert.equal(transfer.data.to.toString(), k.dave.address);
  assert.equal(transfer.data.amount.toBigInt(), 5n * UNIT);
  const after_ = (await api.query.system.account(k.dave.address)).data.free.toBigInt();
  assert.equal(after_ - before, 5n * UNIT);
});

test('a transfer beyond the balance fails with a balances error and moves nothing', async () => {
  const api = await connect();
  const before = (await api.query.system.account(k.dave.address)).data.free.toBigInt();
  const { error } = await send(api.tx.balances.transferAllowDeath(k.eve.address, before * 2n), k.dave);
  assert.equal(error, 'token.FundsUnavailable');
  const after_ = (await api.query.system.account(k.dave.address)).data.free.toBigInt();
  assert.ok(after_ < before && before - after_ < UNIT / 10n, 'only the fee was paid');
});

test('the pool rejects a transaction from an account that cannot pay its fee', async () => {
  const api = await connect();
  const pauper = keyring().alice.derive('//pauper-with-no-funds');
  await assert.rejects(
    api.tx.balances.transferKeepAlive(k.alice.address, 1n).signAndSend(pauper),
    /Inability to pay some fees|1010/,
  );
});

test('a non-member cannot propose a council motion', async () => {
  const api = await connect();
  const call = api.tx.system.remark('not a member');
  const { error } = await send(api.tx.council.propose(1, call, call.method.encodedLength), k.dave);
  assert.equal(error, 'council.NotMember');
});

test('a council motion adds a member to the commission, and its voting roll follows', async () => {
  const api = await connect();
  const members = (await api.query.council.members()).map((m) => m.toString());
  assert.ok(!members.includes(k.ferdie.address));
  const threshold = Math.ceil((members.length * 2) / 3);
  const call = api.tx.councilMembership.addMember(k.ferdie.address);
  const proposed = await send(api.tx.council.propose(threshold, call, call.method.encodedLength), k.alice);
  assert.equal(proposed.error, undefined);
  const [{ data: p }] = find(proposed.events, 'council', 'Proposed');
  const hash = p.proposalHash;
  const index = p.proposalIndex;
  // Proposing does not count as a vote: the proposer votes like the others.
  const voters = [k.alice, k.bob, k.charlie].filter((s) => members.includes(s.address)).slice(0, threshold);
  for (const v of voters) {
    const r = await send(api.tx.council.vote(hash, index, true), v);
    assert.equal(r.error, undefined);
  }
  const closed = await send(
    api.tx.council.close(hash, index, { refTime: 10_000_000_000n, proofSize: 1_000_000n }, call.method.encodedLength),
    k.alice,
  );
  assert.equal(closed.error, undefined);
  assert.equal(find(closed.events, 'council', 'Approved').length, 1);
  const [executed] = find(closed.events, 'council', 'Executed');
  assert.ok(executed.data.result.isOk, `motion executed: ${executed.data.result.toString()}`);
  assert.equal(find(closed.events, 'councilMembership', 'MemberAdded').length, 1);
  const now = (await api.query.council.members()).map((m) => m.toString());
  assert.ok(now.includes(k.ferdie.address));
  assert.ok((await api.query.commission.members(k.ferdie.address)).isSome, 'Ferdie is on the commission roll');
});

test('a referendum on the root track is decided by the commission and enacted', async () => {
  const api = await connect();
  const newBond = 12_345n * UNIT;
  assert.notEqual((await api.query.collatorSelection.candidacyBond()).toBigInt(), newBond);
  const proposal = api.tx.collatorSelection.setCandidacyBond(newBond);
  const submitted = await send(
    api.tx.referenda.submit({ system: 'Root' }, { Inline: proposal.method.toHex() }, { After: 1 }),
    k.dave,
  );
  assert.equal(submitted.error, undefined);
  const [{ data: s }] = find(submitted.events, 'referenda', 'Submitted');
  const index = s.index.toNumber();
  assert.equal(s.track.toNumber(), 0);

  const deposit = await send(api.tx.referenda.placeDecisionDeposit(index), k.dave);
  assert.equal(deposit.error, undefined);
  // Support starts at 100% of the roll and decreases over the decision period: for a quick
  // decision every member votes.
  const roll = (await api.query.council.members()).map((m) => m.toString());
  const voters = Object.values(k).filter((s) => roll.includes(s.address));
  assert.equal(voters.length, roll.length, 'every roll member is a dev account');
  for (const member of voters) {
    const r = await send(api.tx.commission.vote(index, true), member);
    assert.equal(r.error, undefined, `vote by ${member.address}`);
  }
  // A citizen who is not on the roll cannot vote.
  const outsider = await send(api.tx.commission.vote(index, true), k.eve);
  assert.equal(outsider.error, 'commission.NotMember');

  // Preparation, confirmation, then enactment: about 50 blocks on this runtime.
  await until(async () => {
    const info = await api.query.referenda.referendumInfoFor(index);
    return info.isSome && info.unwrap().isApproved;
  }, 120);
  await until(async () => (await api.query.collatorSelection.candidacyBond()).toBigInt() === newBond, 60);
});
