// An observer becomes a collator the way the README tells citizens to: its node (already running
// in authoring mode, not in genesis) generates session keys with a proof of possession, the
// observer's account sets them and registers as a candidate with the bond, and after the session
// changes the node authors blocks. Bad input on the way is refused and changes nothing.
// Returns the number of the first block the observer authored.
const { u8aToHex } = require('@polkadot/util');
const { UNIT, account, bestNumber, connect, find, firstAuthoredAfter, rawRpc, send, sendOk, until } = require('./lib');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  try {
    const observer = account('Observer');
    const ferdie = account('Ferdie');
    const owner = u8aToHex(observer.publicKey);

    // The observer's node follows the chain before anything else.
    const alice = await connect(networkInfo, 'alice');
    const target = await bestNumber(alice);
    await alice.disconnect();
    await until(async () => (await bestNumber(api)) >= target, `${nodeName} to sync to #${target}`, 120_000);

    await sendOk(api, api.tx.balances.transferKeepAlive(observer.address, 1_000n * UNIT), ferdie);
    console.log(`${nodeName} synced to #${target}; Ferdie gave the observer 1000 VEC`);

    // Without session keys a candidacy is refused.
    const early = await send(api, api.tx.collatorSelection.registerAsCandidate(), observer);
    if (early.error !== 'collatorSelection.ValidatorNotRegistered') {
      throw new Error(`candidacy without session keys: expected collatorSelection.ValidatorNotRegistered, got ${early.error}`);
    }
    const reserved = (await api.query.system.account(observer.address)).data.reserved.toBigInt();
    if (reserved !== 0n) throw new Error(`a refused candidacy left ${reserved} reserved`);

    // Keys made for someone else's account do not prove possession for the observer.
    const foreign = await rawRpc(api, 'author_rotateKeysWithOwner', [u8aToHex(ferdie.publicKey)]);
    const stolen = await send(api, api.tx.session.setKeys(foreign.keys, foreign.proof), observer);
    if (stolen.error !== 'session.InvalidProof') {
      throw new Error(`session keys with another owner's proof: expected session.InvalidProof, got ${stolen.error}`);
    }

    const generated = await rawRpc(api, 'author_rotateKeysWithOwner', [owner]);
    if (!(await api.rpc.author.hasSessionKeys(generated.keys)).isTrue) {
      throw new Error('the node does not hold the private keys of the session keys it generated');
    }
    await sendOk(api, api.tx.session.setKeys(generated.keys, generated.proof), observer);
    const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
    const registered = await sendOk(api, api.tx.collatorSelection.registerAsCandidate(), observer);
    const [added] = find(registered.events, 'collatorSelection', 'CandidateAdded');
    if (!added || added.data[0].toString() !== observer.address || added.data[1].toBigInt() !== bond) {
      throw new Error(`no CandidateAdded(${observer.address}, ${bond}) event`);
    }
    const at = (await api.rpc.chain.getHeader(registered.blockHash)).number.toNumber();
    const session = (await (await api.at(registered.blockHash)).query.session.currentIndex()).toNumber();
    console.log(`refused: candidacy without keys, keys with a foreign proof; registered at #${at} in session ${session}`);

    // Veche's session keys are (aura, authority_discovery), 32 bytes each: Aura comes first.
    const auraKey = generated.keys.toLowerCase().slice(0, 2 + 64);
    const authored = await until(
      () => firstAuthoredAfter(api, auraKey, at),
      'a block authored with the observer’s session key',
      360_000,
      6_000,
    );
    const nowSession = (await api.query.session.currentIndex()).toNumber();
    console.log(
      `observer registered at #${at} (session ${session}) with a bond of ${bond / UNIT} VEC; ` +
        `it authored #${authored} (session ${nowSession})`,
    );
    return authored;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
