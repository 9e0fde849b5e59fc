// Mutual credit end to end on the demo's two communities: Anna (Birchwood hours) and Boris
// (Novgorod grivnas) hold no native token and trade without fees, within their community and
// across the two through the credit lines; then demurrage is observed against the exact rate: a
// year ahead by the test's clock, through the runtime's view function (chopsticks cannot move a
// parachain's clock: the relay-derived slot would no longer match), and over the seconds the
// test runs, collected into the fund.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { connect, disconnect, advance, find, keyring, MODE, send } from './lib.mjs';

const BWH = 0; // Birchwood hour: 2 decimals, 10 % a year
const NVG = 1; // Novgorod grivna: 3 decimals, 5 % a year
const FINE = 10n ** 18n; // fine units per smallest unit
const YEAR_MS = 31_557_600_000;

after(disconnect);
// Start from a block the chain has built, not from its genesis state.
before(async () => {
  await connect();
  await advance(1);
});

const people = () => {
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { ...keyring(), anna: k.addFromUri('//Anna'), boris: k.addFromUri('//Boris') };
};

async function account(currency, who) {
  const api = await connect();
  const a = (await api.query.credit.accounts(currency, who)).unwrap();
  return { balance: a.balance.toBigInt(), due: a.due.toBigInt(), updated: a.updated.toNumber() };
}

async function nativeFree(who) {
  const api = await connect();
  return (await api.query.system.account(who)).data.free.toBigInt();
}

test('a member without the native token pays another member, with no fee', async () => {
  const api = await connect();
  const { anna, bob } = people();
  assert.equal(await nativeFree(anna.address), 0n);
  const before = await account(BWH, bob.address);
  const r = await send(api.tx.credit.transfer(BWH, bob.address, 12_00), anna);
  assert.equal(r.error, undefined);
  const [ev] = find(r.events, 'credit', 'Transferred');
  assert.equal(ev.data.amount.toBigInt(), 12_00n);
  assert.equal(find(r.events, 'transactionPayment', 'TransactionFeePaid').length, 0, 'no fee event');
  assert.equal(await nativeFree(anna.address), 0n);
  assert.equal((await account(BWH, bob.address)).balance - before.balance, 12_00n * FINE);
});

test('members of two communities trade across currencies through the credit lines', async () => {
  const api = await connect();
  const { anna, boris } = people();
  const annaBefore = await account(BWH, anna.address);
  const borisBefore = await account(NVG, boris.address);
  // 4.000 grivnas cost 1.00 hour (an hour is worth 20, a grivna 5).
  const r = await send(api.tx.credit.payAcross(BWH, NVG, boris.address, 4_000), anna);
  assert.equal(r.error, undefined);
  const [ev] = find(r.events, 'credit', 'PaidAcross');
  assert.equal(ev.data.paid.toBigInt(), 1_00n * FINE);
  assert.equal((await account(NVG, boris.address)).balance - borisBefore.balance, 4_000n * FINE);
  assert.equal(annaBefore.balance - (await account(BWH, anna.address)).balance, 1_00n * FINE);
  // Boris, who holds no native token either, pays Anna back half an hour: 2.000 grivnas leave
  // his balance, beside the demurrage his positive balance paid since the last block.
  assert.equal(await nativeFree(boris.address), 0n);
  const held = await account(NVG, boris.address);
  const back = await send(api.tx.credit.payAcross(NVG, BWH, anna.address, 50), boris);
  assert.equal(back.error, undefined);
  const charged = find(back.events, 'credit', 'DemurrageCharged')
    .filter((e) => e.data.currency.toNumber() === NVG && e.data.who.toString() === boris.address)
    .reduce((s, e) => s + e.data.amount.toBigInt(), 0n);
  assert.equal(held.balance - (await account(NVG, boris.address)).balance - charged, 2_000n * FINE);
  // Over the line Novgorod grants Birchwood (1,000.000 grivnas): refused, nothing changes.
  const over = await send(api.tx.credit.payAcross(BWH, NVG, boris.address, 1_000_001), anna);
  assert.equal(over.error, 'credit.CreditLineExhausted');
});

/// The exact decay of `balance` fine units after `ms` at 10 % a year, to a double's precision.
const decayed = (balance, ms) => Number(balance) * 0.9 ** (ms / YEAR_MS);

/// `Credit::account(currency, who, at)`, the runtime's view function: the account as it will
/// stand at moment `at` (ms), demurrage applied, without changing anything.
async function projected(currency, who, at) {
  const api = await connect();
  const credit = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Credit');
  const view = credit.viewFunctions.find((f) => f.name.toString() === 'account');
  const id = view.id.toU8a();
  // The arguments' SCALE encoding (as hex: a Uint8Array would be read as length-prefixed).
  const input = api.createType('(u32, AccountId32, Option<u64>)', [currency, who, at]).toHex();
  const result = await api.call.runtimeViewFunction.executeViewFunction(
    { prefix: id.slice(0, 16), suffix: id.slice(16) }, input);
  assert.ok(result.isOk, `view function answered: ${result.toString()}`);
  const answer = api.createType(`Lookup${view.output.toNumber()}`, result.asOk.toU8a(true));
  assert.ok(answer.isSome, 'the account exists');
  return answer.unwrap();
}

test('a year of demurrage takes exactly the annual rate, by the test\'s clock', async () => {
  const { bob } = people();
  const now = await account(BWH, bob.address);
  assert.ok(now.balance > 0n, 'Bob holds hours from the first test');
  // A year after Bob's balance last changed, 10 % of it is gone: to the fine unit, as far as a
  // double tells, and exactly to the smallest unit (a cent), rounded to nearest.
  const inAYear = await projected(BWH, bob.address, now.updated + YEAR_MS);
  const balance = inAYear.balance.toBigInt();
  const exact = (now.balance * 9n) / 10n;
  const cents = (x) => (x + FINE / 2n) / FINE;
  assert.equal(cents(balance), cents(exact), `${balance} vs ${exact}`);
  assert.ok(Number(exact - balance) < 1e6 && Number(balance - exact) < 1e6, `${balance} vs ${exact}`);
  assert.equal(inAYear.due.toBigInt() - now.due, now.balance - balance, 'what decays is due to the fund');
  console.log(`# a year at 10 %: ${now.balance} → ${balance} fine units (exact ${exact})`);
});

test('demurrage runs with the chain\'s clock and reaches the fund, keeping the currency zero-sum', async () => {
  const api = await connect();
  const { alice, bob } = people();
  const start = await account(BWH, bob.address);
  await advance(3);
  const r = await send(api.tx.credit.collect(BWH, [bob.address]), alice);
  assert.equal(r.error, undefined);
  const end = await account(BWH, bob.address);
  const elapsed = end.updated - start.updated;
  assert.ok(elapsed > 0, 'time passed');
  const expected = decayed(start.balance, elapsed);
  assert.ok(end.balance < start.balance, 'the balance decayed');
  // Within a millionth of a smallest unit of the exact value.
  assert.ok(Math.abs(Number(end.balance) - expected) < 1e12, `${end.balance} vs ${expected}`);
  const [collected] = find(r.events, 'credit', 'DemurrageCollected');
  assert.equal(collected.data.amount.toBigInt(), start.balance - end.balance + start.due);
  const entries = await api.query.credit.accounts.entries(BWH);
  const sum = entries.reduce((s, [, a]) => {
    const x = a.unwrap();
    const pending = x.withdrawal.isSome ? x.withdrawal.unwrap().amount.toBigInt() : 0n;
    return s + x.balance.toBigInt() + x.savings.toBigInt() + pending + x.due.toBigInt();
  }, 0n);
  assert.equal(sum, 0n);
  console.log(`# ${MODE}: ${elapsed} ms of demurrage took ${start.balance - end.balance} of ${start.balance} fine units`);
});
