// A collator outage in three steps around `bob: restart after N seconds` (which kills bob with
// SIGKILL, waits N seconds and starts him again on the same database):
//   before  (run on alice)  remembers bob's finalized chain and the moment bob goes down
//   during  (run on alice)  the chain kept growing while bob was down, every block alice's
//   after   (run on bob)    bob caught up, authors again, and the finalized blocks he had are
//                           unchanged on both collators
// `args[0]` is the step, `args[1]` (during) the outage length in seconds.
const {
  account,
  assertUnchanged,
  bestNumber,
  blockAuthor,
  connect,
  finalizedNumber,
  firstAuthoredAfter,
  hashes,
  loadState,
  saveState,
  until,
} = require('./lib');

const auraKey = (name) => `0x${Buffer.from(account(name).publicKey).toString('hex')}`;

async function before(networkInfo) {
  const bob = await connect(networkInfo, 'bob');
  try {
    const finalized = await until(
      async () => {
        const f = await finalizedNumber(bob);
        return f >= 5 ? f : undefined;
      },
      'bob to finalize block #5',
      300_000,
    );
    const best = await bestNumber(bob);
    const snapshot = await hashes(bob, finalized);
    saveState(networkInfo, { outage: { finalized, best, snapshot, downAt: Date.now() } });
    console.log(`before the restart: bob best #${best}, finalized #${finalized}`);
    return finalized;
  } finally {
    await bob.disconnect();
  }
}

async function during(networkInfo, outageSeconds) {
  const { outage } = loadState(networkInfo);
  const alice = await connect(networkInfo, 'alice');
  try {
    // Blocks alice imported with a timestamp well inside the outage (a slot of margin each side).
    const from = outage.downAt + 6_000;
    const to = outage.downAt + (outageSeconds - 6) * 1000;
    const inside = [];
    for (let n = outage.best + 1; n <= (await bestNumber(alice)); n++) {
      const hash = await alice.rpc.chain.getBlockHash(n);
      const at = (await (await alice.at(hash)).query.timestamp.now()).toNumber();
      if (at > to) break;
      if (at >= from) inside.push((await blockAuthor(alice, hash)).key);
    }
    const alices = inside.filter((k) => k === auraKey('Alice')).length;
    console.log(`while bob was down: ${inside.length} blocks, ${alices} by alice`);
    if (inside.length < 2) throw new Error(`only ${inside.length} blocks while bob was down; expected at least 2`);
    if (alices !== inside.length) throw new Error(`${inside.length - alices} blocks while bob was down are not alice's`);
    return inside.length;
  } finally {
    await alice.disconnect();
  }
}

async function after(networkInfo) {
  const { outage } = loadState(networkInfo);
  const alice = await connect(networkInfo, 'alice');
  const bob = await connect(networkInfo, 'bob');
  try {
    const target = await bestNumber(alice);
    await until(async () => (await bestNumber(bob)) >= target, `bob to catch up with alice's #${target}`, 180_000);
    // Bob authors again: a block after his restart carries his key.
    const restartedAt = await bestNumber(bob);
    const authored = await until(
      () => firstAuthoredAfter(bob, auraKey('Bob'), restartedAt),
      'a block authored by bob after his restart',
      180_000,
    );
    for (const [who, api] of [
      ['bob', bob],
      ['alice', alice],
    ]) {
      await assertUnchanged(api, who, outage.snapshot);
    }
    const finalized = await finalizedNumber(bob);
    if (finalized < outage.finalized) throw new Error(`bob's finalized height went back from #${outage.finalized} to #${finalized}`);
    console.log(
      `after the restart: bob best #${await bestNumber(bob)}, finalized #${finalized} ` +
        `(was best #${outage.best}, finalized #${outage.finalized}); bob authored #${authored}; ` +
        `blocks #1–#${outage.finalized} identical on both collators`,
    );
    return authored;
  } finally {
    await alice.disconnect();
    await bob.disconnect();
  }
}

async function run(_nodeName, networkInfo, args) {
  switch (args[0]) {
    case 'before':
      return before(networkInfo);
    case 'during':
      return during(networkInfo, Number(args[1]));
    case 'after':
      return after(networkInfo);
    default:
      throw new Error(`unknown outage step ${args[0]}`);
  }
}

module.exports = { run };
