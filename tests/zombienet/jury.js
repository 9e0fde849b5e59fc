// A jury drawn with the relay chain's real BABE randomness (issue 17), on this clone's runtime
// after the upgrade step: the chain started on the last release, so the registry of acts and the
// juries pallet came with the upgrade, their storage empty and the randomness source `Relay` (the
// genesis flag that marks `--dev`'s mock relay chain was never set).
//  1. The commission decides, in a referendum on its track, to table a bill of the Parliament
//     (the whole Republic) and send it to a jury of three whose pool freezes a few minutes later.
//  2. Demo persons 2 and 3 (Germany) and 6 and 8 (Birchwood) volunteer anonymously with
//     veche-client: two strata.
//  3. At the freeze the draw is refused (`juries.RandomnessNotYet`); once the chain has seen two
//     relay epochs begin after the freeze, Ferdie draws.
//  4. The draw names the relay chain as its source, and its epoch and randomness are what the relay
//     chain's own storage holds at the relay block the chain recorded (`Babe.EpochIndex`, and
//     `Babe.NextRandomness` — the well-known key `ONE_EPOCH_AGO_RANDOMNESS`: BABE's value made from
//     the VRF outputs of the epoch before —, read raw by the keys the parachain proves and by name);
//     at the relay block the freeze was built on, neither `Babe.Randomness` nor
//     `Babe.NextRandomness` was that value yet.
//  5. `veche-client jury verify` recomputes the quotas and the jury from the chain's state.
// Returns 1.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { blake2AsHex } = require('@polkadot/util-crypto');
const { stringToU8a, u8aToHex, u8aToBn } = require('@polkadot/util');
const { account, bestNumber, client, connect, demoKey, find, send, sendOk, until } = require('./lib');

// The relay chain's well-known keys a parachain reads from its relay state proof
// (polkadot-primitives' `well_known_keys`): Babe.EpochIndex and Babe.NextRandomness.
const EPOCH_INDEX = '0x1cb6f36e027abb2091cfb5110ab5087f38316cbf8fa0da822a20ac1c55bf1be3';
const ONE_EPOCH_AGO_RANDOMNESS = '0x1cb6f36e027abb2091cfb5110ab5087f7ce678799d3eff024253b90e84927cc6';
const PARLIAMENT = 0; // the office of the Republic (unit 0), whose constituencies all are in it
const VOLUNTEERS = [2, 3, 6, 8]; // Germany (constituency 5): 2, 3; Birchwood (3): 6, 8
const SIZE = 3;

/// `call` dispatched with the Commission origin: a referendum on the commission track (the call
/// noted as a preimage: an inline proposal holds at most 128 bytes), its deposit placed by Dave, voted aye by the whole commission (Alice, Bob, Charlie), and waited for until
/// `done()` says the call took effect. Throws if the referendum fails or the call changes nothing.
async function byCommission(api, call, done) {
  const dave = account('Dave');
  const index = (await api.query.referenda.referendumCount()).toNumber();
  const encoded = call.method.toU8a();
  await sendOk(
    api,
    api.tx.utility.batchAll([
      api.tx.preimage.notePreimage(u8aToHex(encoded)),
      api.tx.referenda.submit({ Origins: 'Commission' }, { Lookup: { hash: blake2AsHex(encoded, 256), len: encoded.length } }, { After: 1 }),
      api.tx.referenda.placeDecisionDeposit(index),
    ]),
    dave,
  );
  await until(
    async () => (await api.query.referenda.referendumInfoFor(index)).unwrap().asOngoing.deciding.isSome,
    `commission referendum #${index} to start deciding`,
    300_000,
    3_000,
  );
  await Promise.all(['Alice', 'Bob', 'Charlie'].map((m) => sendOk(api, api.tx.commission.vote(index, true), account(m))));
  await until(
    async () => {
      const info = (await api.query.referenda.referendumInfoFor(index)).unwrap();
      if (!info.isOngoing && !info.isApproved) throw new Error(`commission referendum #${index} ended ${info.type}`);
      return info.isApproved;
    },
    `commission referendum #${index} to be approved`,
    600_000,
    3_000,
  );
  // Enacted a few blocks after the approval (the track's enactment period).
  await until(done, `the call of commission referendum #${index} to take effect (it failed, or came too late)`, 120_000, 3_000);
  return index;
}

/// A relay chain storage value at the relay block `hash`, read raw.
async function relayRaw(relay, hash, key) {
  const raw = await relay.rpc.state.getStorage(key, hash);
  if (raw.isNone) throw new Error(`relay block ${hash} holds nothing at ${key}`);
  return raw.unwrap().toU8a(true);
}

async function run(nodeName, networkInfo) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veche-jury-'));
  const url = networkInfo.nodesByName[nodeName].wsUri;
  const api = await connect(networkInfo, nodeName);
  const relay = await connect(networkInfo, 'validator-1');
  const t0 = Date.now();
  const since = () => `${Math.round((Date.now() - t0) / 1000)} s`;
  try {
    const source = (await api.query.juries.randomnessSourceOf()).toString();
    if (source !== 'Relay') throw new Error(`the upgraded chain names its randomness source ${source}, not Relay`);

    // 1. The bill and its jury, by the commission. The pool stays open 50 blocks after the
    // referendum is submitted: its decision and enactment take about 20 of them, the enrolments 5.
    const act = (await api.query.acts.nextAct()).toNumber();
    const jury = (await api.query.juries.nextJuryId()).toNumber();
    const freeze = (await bestNumber(api)) + 50;
    const text = (s) => u8aToHex(stringToU8a(s));
    const call = api.tx.utility.batchAll([
      api.tx.acts.table(PARLIAMENT, 'Bill', text('Jury trial of the zombienet bill'), '0x' + '5a'.repeat(32), text('https://veche.example/zombienet-bill')),
      api.tx.juries.sendToJury(act, SIZE, null, freeze, 20, 20),
    ]);
    // Done once final: veche-client reads the finalized state.
    const referendum = await byCommission(api, call, async () => {
      const final = await api.at(await api.rpc.chain.getFinalizedHead());
      return (await final.query.juries.juries(jury)).isSome;
    });
    console.log(`bill #${act} sent to jury ${jury} (size ${SIZE}, freeze #${freeze}) by commission referendum #${referendum} (${since()})`);

    // 2. Four volunteers of two constituencies, anonymously.
    const aliases = await Promise.all(
      VOLUNTEERS.map((n) => client('current', ['jury', 'enrol', '--url', url, '--key', demoKey(dir, n), '--jury', `${jury}`])),
    );
    const info = (await api.query.juries.juries(jury)).unwrap();
    if (info.volunteers.toNumber() !== VOLUNTEERS.length || new Set(aliases.map((a) => a.alias)).size !== VOLUNTEERS.length) {
      throw new Error(`jury ${jury}: ${info.volunteers} volunteers after ${VOLUNTEERS.length} distinct enrolments`);
    }
    if ((await bestNumber(api)) >= freeze) throw new Error(`the enrolments ended after the freeze at #${freeze}`);
    console.log(`${VOLUNTEERS.length} volunteers enrolled before the freeze (${since()})`);

    // 3. No draw before the randomness moment.
    await until(async () => (await bestNumber(api)) >= freeze, `block #${freeze}`, 600_000, 1_000);
    const ferdie = account('Ferdie');
    const seen = async () => (await api.query.juries.recentEpochs()).toJSON().filter((e) => e.block > freeze).length;
    if ((await seen()) < 2) {
      const early = await send(api, api.tx.juries.draw(jury, SIZE), ferdie);
      if (early.error !== 'juries.RandomnessNotYet') {
        throw new Error(`a draw at the freeze: expected juries.RandomnessNotYet, got ${early.error}`);
      }
      console.log(`a draw at the freeze refused: juries.RandomnessNotYet (${since()})`);
    } else {
      throw new Error('two relay epochs began between the freeze and the first draw attempt: the early draw was not tried');
    }
    await until(async () => (await seen()) >= 2, 'two relay epochs to begin after the freeze', 600_000, 3_000);
    const drawn = await sendOk(api, api.tx.juries.draw(jury, SIZE), ferdie);
    const [started] = find(drawn.events, 'juries', 'DrawStarted');
    if (!started || started.data.source.toString() !== 'Relay') {
      throw new Error(`the draw names no relay source: ${started && started.data.toString()}`);
    }
    const summoned = find(drawn.events, 'juries', 'Summoned').length;
    if (summoned !== SIZE) throw new Error(`${summoned} summoned, not ${SIZE}`);

    // 4. The randomness against the relay chain's own storage.
    const record = (await api.query.juries.juries(jury)).unwrap().draw.unwrap().relay;
    const epoch = record.epoch.toBigInt();
    const randomness = record.randomness.toHex();
    const relayBlock = record.relayBlock.toNumber();
    const relayHash = await relay.rpc.chain.getBlockHash(relayBlock);
    const relayEpoch = u8aToBn(await relayRaw(relay, relayHash, EPOCH_INDEX), { isLe: true }).toString();
    const relayRandomness = u8aToHex(await relayRaw(relay, relayHash, ONE_EPOCH_AGO_RANDOMNESS));
    if (relayEpoch !== epoch.toString() || relayRandomness !== randomness) {
      throw new Error(`relay block #${relayBlock} holds epoch ${relayEpoch} and randomness ${relayRandomness}; the draw recorded epoch ${epoch} and ${randomness}`);
    }
    const named = (await relay.query.babe.nextRandomness.at(relayHash)).toHex();
    if (named !== randomness) throw new Error(`Babe.NextRandomness at relay #${relayBlock} is ${named}, not ${randomness}`);
    if (/^0x(00)+$/.test(randomness)) throw new Error('the draw used zero randomness');
    // The value was not on the relay chain when the pool froze.
    const frozenAt = (await (await api.at(await api.rpc.chain.getBlockHash(freeze))).query.parachainSystem.validationData()).unwrap().relayParentNumber.toNumber();
    const frozenHash = await relay.rpc.chain.getBlockHash(frozenAt);
    const then = await relay.at(frozenHash);
    const [was, next, epochThen] = [
      (await then.query.babe.randomness()).toHex(),
      (await then.query.babe.nextRandomness()).toHex(),
      (await then.query.babe.epochIndex()).toBigInt(),
    ];
    if (was === randomness || next === randomness || epochThen + 2n > epoch) {
      throw new Error(`at the freeze (relay #${frozenAt}, epoch ${epochThen}) the draw's randomness of epoch ${epoch} was already known`);
    }
    console.log(`drawn with relay epoch ${epoch}'s randomness ${randomness}, as relay #${relayBlock} holds it; at the freeze (relay #${frozenAt}) the relay chain was in epoch ${epochThen} and held neither it nor it as the next (${since()})`);

    // 5. Anyone recomputes the jury.
    const verified = await client('current', ['jury', 'verify', '--url', url, '--jury', `${jury}`]);
    if (verified.verified !== true || verified.drawn !== SIZE || verified.source !== 'Relay' || verified.randomness !== randomness) {
      throw new Error(`veche-client jury verify: ${JSON.stringify(verified)}`);
    }
    const quotas = verified.quotas.map(([, q]) => q).sort();
    if (verified.quotas.length !== 2 || quotas[0] !== 1 || quotas[1] !== 2) {
      throw new Error(`quotas of two strata of four persons each for three seats: ${JSON.stringify(verified.quotas)}`);
    }
    console.log(`veche-client recomputed the draw: quotas ${JSON.stringify(verified.quotas)}, seed ${verified.seed} (${since()})`);
    return 1;
  } finally {
    await api.disconnect().catch(() => {});
    await relay.disconnect().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
