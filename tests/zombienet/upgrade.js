// A runtime upgrade decided by referendum and enacted in the running network, by extrinsics only:
//   1. the new code cannot be applied before it is authorized (system.NothingAuthorized);
//   2. a referendum on the root track proposes `system.authorize_upgrade(hash)`; a citizen places
//      the decision deposit; the election commission's roll votes it through;
//   3. once enacted, anyone applies the authorized code; the relay chain validates the upgrade
//      and the chain carries on under the new `spec_version`.
// `args[0]` is the path of the new runtime's wasm. Returns the spec_version in force afterwards.
const fs = require('fs');
const { blake2AsHex } = require('@polkadot/util-crypto');
const { u8aToHex } = require('@polkadot/util');
const { account, bestNumber, connect, find, send, sendOk, until } = require('./lib');

const specVersion = async (api) => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

async function run(nodeName, networkInfo, args) {
  const code = fs.readFileSync(args[0]);
  const codeHash = blake2AsHex(code, 256);
  const api = await connect(networkInfo, nodeName);
  const t0 = Date.now();
  const since = () => `${Math.round((Date.now() - t0) / 1000)} s`;
  try {
    const [alice, bob, charlie, dave] = ['Alice', 'Bob', 'Charlie', 'Dave'].map(account);
    const before = await specVersion(api);
    console.log(`spec_version ${before}; proposing code ${codeHash} (${code.length} bytes)`);

    const early = await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave);
    if (early.error !== 'system.NothingAuthorized') {
      throw new Error(`applying unauthorized code: expected system.NothingAuthorized, got ${early.error}`);
    }

    const proposal = api.tx.system.authorizeUpgrade(codeHash);
    const submitted = await sendOk(
      api,
      api.tx.referenda.submit({ system: 'Root' }, { Inline: proposal.method.toHex() }, { After: 1 }),
      dave,
    );
    const index = find(submitted.events, 'referenda', 'Submitted')[0].data.index.toNumber();
    await sendOk(api, api.tx.referenda.placeDecisionDeposit(index), dave);
    // Support starts at the whole roll and falls over the decision period: for a decision
    // within minutes every member of the commission votes aye.
    const roll = (await api.query.council.members()).map((m) => m.toString());
    const voters = [alice, bob, charlie].filter((s) => roll.includes(s.address));
    if (voters.length !== roll.length) throw new Error(`the commission roll is not Alice, Bob, Charlie: ${roll}`);
    // Each member signs from their own account: the votes go in together, not one finality apart.
    await Promise.all(voters.map((member) => sendOk(api, api.tx.commission.vote(index, true), member)));
    console.log(`referendum #${index} submitted, deposited and voted by ${voters.length} commissioners (${since()})`);

    await until(
      async () => {
        const info = await api.query.referenda.referendumInfoFor(index);
        if (info.isSome && (info.unwrap().isRejected || info.unwrap().isTimedOut)) {
          throw new Error(`referendum #${index} ended ${info.unwrap().type}`);
        }
        return info.isSome && info.unwrap().isApproved;
      },
      `referendum #${index} to be approved`,
      600_000,
      6_000,
    );
    console.log(`referendum #${index} approved (${since()})`);
    await until(
      async () => {
        const auth = await api.query.system.authorizedUpgrade();
        return auth.isSome && auth.unwrap().codeHash.toHex() === codeHash;
      },
      'the upgrade to be authorized by the enacted referendum',
      300_000,
      6_000,
    );
    console.log(`upgrade authorized (${since()})`);

    const applied = await sendOk(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave);
    if (find(applied.events, 'parachainSystem', 'ValidationFunctionStored').length !== 1) {
      throw new Error('applying the authorized code stored no validation function for the relay chain');
    }
    const storedAt = await bestNumber(api);
    console.log(`code stored at #${storedAt}; waiting for the relay chain's go-ahead (${since()})`);

    await until(async () => (await specVersion(api)) > before, `spec_version above ${before}`, 600_000, 6_000);
    const after = await specVersion(api);
    const upgradedAt = await bestNumber(api);
    // The chain keeps producing blocks under the new runtime.
    await until(async () => (await bestNumber(api)) >= upgradedAt + 2, 'two blocks under the new runtime', 120_000);
    console.log(`spec_version ${before} → ${after} at #${upgradedAt}; chain at #${await bestNumber(api)} (${since()})`);
    return after;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
