// Every collator down at once, then restarted, around these steps of veche.zndsl:
//   before  (on alice)        remembers alice's finalized chain before the blackout
//   halted  (on validator-1)  with every collator paused, the relay chain's record of Veche's
//                             head stays the same for `args[1]` seconds: the parachain halted
//   after   (on alice)        once restarted, the chain grows and finalizes again on both genesis
//                             collators, and every block finalized before the blackout is unchanged
// The collators are paused (SIGSTOP) and then restarted (SIGKILL, started again on the same
// database) by the .zndsl; this script only observes.
const {
  assertUnchanged,
  bestNumber,
  connect,
  finalizedNumber,
  hashes,
  loadState,
  saveState,
  sleep,
  until,
} = require('./lib');

const PARA = 2000;

async function before(networkInfo) {
  const alice = await connect(networkInfo, 'alice');
  try {
    const finalized = await finalizedNumber(alice);
    const best = await bestNumber(alice);
    saveState(networkInfo, { blackout: { finalized, best, snapshot: await hashes(alice, finalized) } });
    console.log(`before the blackout: best #${best}, finalized #${finalized}`);
    return finalized;
  } finally {
    await alice.disconnect();
  }
}

async function halted(networkInfo, seconds) {
  const relay = await connect(networkInfo, 'validator-1');
  try {
    const head = async () => (await relay.query.paras.heads(PARA)).toHex();
    // A candidate a collator sent just before it stopped may still be backed and included.
    await sleep(12_000);
    const first = await head();
    await sleep(seconds * 1000);
    const last = await head();
    if (first !== last) throw new Error(`Veche's head moved on the relay chain while every collator was paused`);
    console.log(`every collator paused: Veche's head on the relay chain unchanged for ${seconds} s`);
    return 1;
  } finally {
    await relay.disconnect();
  }
}

async function after(networkInfo) {
  const { blackout } = loadState(networkInfo);
  const t0 = Date.now();
  const alice = await connect(networkInfo, 'alice', 120_000);
  const bob = await connect(networkInfo, 'bob', 120_000);
  try {
    // Blocks are built again, and finality follows beyond where it stood.
    await until(async () => (await bestNumber(alice)) >= blackout.best + 3, `alice to build past #${blackout.best + 3}`, 300_000);
    await until(
      async () => (await finalizedNumber(alice)) > blackout.finalized && (await finalizedNumber(bob)) > blackout.finalized,
      `finality past #${blackout.finalized} on both collators`,
      300_000,
    );
    for (const [who, api] of [
      ['alice', alice],
      ['bob', bob],
    ]) {
      await assertUnchanged(api, who, blackout.snapshot);
    }
    const resumed = (await finalizedNumber(alice)) - blackout.finalized;
    console.log(
      `after the restart: best #${await bestNumber(alice)}, finalized #${await finalizedNumber(alice)} ` +
        `(${Math.round((Date.now() - t0) / 1000)} s to resume); blocks #1–#${blackout.finalized} unchanged on both`,
    );
    return resumed;
  } finally {
    await alice.disconnect();
    await bob.disconnect();
  }
}

async function run(_nodeName, networkInfo, args) {
  switch (args[0]) {
    case 'before':
      return before(networkInfo);
    case 'halted':
      return halted(networkInfo, Number(args[1]));
    case 'after':
      return after(networkInfo);
    default:
      throw new Error(`unknown blackout step ${args[0]}`);
  }
}

module.exports = { run };
