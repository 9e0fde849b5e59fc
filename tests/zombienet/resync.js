// A collator restarted from an empty database, around these steps of veche.zndsl:
//   wipe `name`  (on alice)  with `name` paused, deletes its chain database (its keystore stays:
//                            the session keys it collates with)
//   sync         (on the restarted node)  it syncs from its peers to the tip it had lost, and the
//                            blocks it holds are the network's; returns the blocks synced
const fs = require('fs');
const path = require('path');
const { bestNumber, connect, finalizedNumber, saveState, until } = require('./lib');

function wipe(networkInfo, name) {
  const chains = path.join(networkInfo.tmpDir, name, 'data', 'chains');
  if (!fs.existsSync(chains)) throw new Error(`no chain data for ${name} at ${chains}`);
  let removed = 0;
  for (const chain of fs.readdirSync(chains)) {
    for (const db of ['db', 'paritydb']) {
      const dir = path.join(chains, chain, db);
      if (fs.existsSync(dir)) {
        fs.rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    }
  }
  if (removed === 0) throw new Error(`no database found under ${chains}`);
  saveState(networkInfo, { resync: { wipedAt: Date.now() } });
  console.log(`${name}'s database removed (${removed} director${removed === 1 ? 'y' : 'ies'}); keystore kept`);
  return removed;
}

async function sync(nodeName, networkInfo) {
  const t0 = Date.now();
  const alice = await connect(networkInfo, 'alice');
  const node = await connect(networkInfo, nodeName, 120_000);
  try {
    const target = await bestNumber(alice);
    const finalized = await finalizedNumber(alice);
    await until(async () => (await bestNumber(node)) >= target, `${nodeName} to sync to alice's #${target}`, 600_000);
    for (let n = 1; n <= finalized; n++) {
      const [a, b] = await Promise.all([alice.rpc.chain.getBlockHash(n), node.rpc.chain.getBlockHash(n)]);
      if (!a.eq(b)) throw new Error(`${nodeName} holds block #${n} ${b.toHex()}, the network finalized ${a.toHex()}`);
    }
    const s = (Date.now() - t0) / 1000;
    console.log(`${nodeName} synced ${target} blocks from an empty database in ${s.toFixed(1)} s ` +
      `(${(target / s).toFixed(1)} blocks/s); blocks #1–#${finalized} are the network's`);
    return target;
  } finally {
    await alice.disconnect();
    await node.disconnect();
  }
}

async function run(nodeName, networkInfo, args) {
  switch (args[0]) {
    case 'wipe':
      return wipe(networkInfo, args[1]);
    case 'sync':
      return sync(nodeName, networkInfo);
    default:
      throw new Error(`unknown resync step ${args[0]}`);
  }
}

module.exports = { run };
