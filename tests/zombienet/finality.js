// The relay chain finalizes Veche's blocks: the head of para 2000 that the relay chain's
// finalized state records is a block the collator has, at the same height and hash, and it is
// at least `args[0]` blocks high. Returns that height.
const { blake2AsHex } = require('@polkadot/util-crypto');
const { connect, finalizedNumber, until } = require('./lib');

const PARA_ID = 2000;

async function run(nodeName, networkInfo, args) {
  const minHeight = Number(args[0] ?? 3);
  const relay = await connect(networkInfo, 'validator-1');
  const para = await connect(networkInfo, nodeName);
  try {
    const seen = await until(
      async () => {
        const finalized = await relay.rpc.chain.getFinalizedHead();
        const head = await (await relay.at(finalized)).query.paras.heads(PARA_ID);
        if (head.isNone) return undefined;
        const header = para.createType('Header', head.unwrap().toU8a(true));
        const number = header.number.toNumber();
        return number >= minHeight ? { number, hash: blake2AsHex(head.unwrap().toU8a(true)) } : undefined;
      },
      `the relay chain to finalize para ${PARA_ID} block #${minHeight}`,
      300_000,
    );
    const local = (await para.rpc.chain.getBlockHash(seen.number)).toHex();
    if (local !== seen.hash) {
      throw new Error(`relay finalized para block #${seen.number} ${seen.hash}, but ${nodeName} has ${local} there`);
    }
    const paraFinalized = await finalizedNumber(para);
    console.log(`relay-finalized para head #${seen.number} ${seen.hash}; ${nodeName} finalized #${paraFinalized}`);
    return seen.number;
  } finally {
    await relay.disconnect();
    await para.disconnect();
  }
}

module.exports = { run };
