// A runtime upgrade decided by a people's referendum and enacted in the running network, with a
// storage migration and a poll open across it, by extrinsics and anonymous ballots only. Before the
// upgrade the persons vote with the last release's veche-client, after it with this clone's, which
// reads the ballots the release's client cast in the layout the migration gave them.
// The network started on the runtime of the last release (scripts/zombienet.sh); `args[0]` is
// the path of this clone's runtime, `args[2]` (upgrade step) its spec_version. Returns 1.
//   args: <wasm path>,before   — a people's referendum on the people's track (renaming Birchwood)
//                                opened; demo persons 5 and 6 vote nay in its poll (so that it
//                                stays undecided: one aye of the eight demo persons would pass the
//                                people's track, whose support floor is 10 %, and close the poll);
//                                the poll, both ballots and the tallies go in the state file.
//   args: <wasm path>,upgrade  — 1. the new code cannot be applied before it is authorized
//                                (system.NothingAuthorized); 2. a referendum on the people's
//                                root track proposes `system.authorize_upgrade(hash)`; Dave places
//                                the deposit and opens its poll; demo persons 1, 2 and 5 vote aye
//                                with veche-client (ring-VRF proofs: nobody learns who); 3. once
//                                enacted, anyone applies the code; the relay chain validates the
//                                upgrade and the chain carries on under the new spec_version;
//                                4. the migrations ran: Jurisdictions' storage version 1 → 2, every
//                                office covers every policy sphere, Ballots 1 → 2; the pallets
//                                the upgrade brought (acts, juries) start at their layout's
//                                version; 5. the poll opened before is intact: both ballots as
//                                stored before, the same tallies, and a ballot of demo person 7
//                                cast under the new runtime is counted.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { blake2AsHex, xxhashAsHex } = require('@polkadot/util-crypto');
const { u8aToHex } = require('@polkadot/util');
const { account, bestNumber, client, connect, demoKey, find, loadState, saveState, send, sendOk, until } = require('./lib');

const specVersion = async (api) => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();

/// Demo persons vote `choice` in `poll`, together, with the `which` client; each answer must be a
/// recorded ballot.
async function vote(which, url, dir, poll, persons, choice) {
  const answers = await Promise.all(
    persons.map((n) => client(which, ['vote', '--url', url, '--poll', `${poll}`, '--key', demoKey(dir, n), '--choice', choice])),
  );
  answers.forEach((a, i) => {
    if (a.recorded !== true) {
      throw new Error(`demo person ${persons[i]}'s ballot in poll ${poll} was not recorded: ${JSON.stringify(a)}`);
    }
  });
}

/// What the chain stores for demo person `n` in `poll` (alias and ballot), as veche-client reads it.
const check = (which, url, dir, poll, n) => client(which, ['check', '--url', url, '--poll', `${poll}`, '--key', demoKey(dir, n)]);

/// A people's referendum submitted by Dave on the track of `origin`, its decision deposit placed and
/// its poll opened, in one batch. Returns the referendum's index and its poll's id.
async function peoplesReferendum(api, origin, call) {
  const dave = account('Dave');
  const index = (await api.query.peoplesReferenda.referendumCount()).toNumber();
  const r = await sendOk(
    api,
    api.tx.utility.batchAll([
      api.tx.peoplesReferenda.submit(origin, { Inline: call.method.toHex() }, { After: 1 }),
      api.tx.peoplesReferenda.placeDecisionDeposit(index),
      api.tx.ballots.openReferendum(index),
    ]),
    dave,
  );
  const opened = find(r.events, 'ballots', 'ReferendumPollOpened');
  if (opened.length !== 1) throw new Error(`referendum #${index}: no poll was opened`);
  return { index, poll: opened[0].data.poll.toNumber() };
}

/// A pallet's storage version, read from its raw key.
async function storageVersion(api, pallet) {
  const key = xxhashAsHex(pallet, 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
  const raw = await api.rpc.state.getStorage(key);
  return raw.isSome ? api.createType('u16', raw.unwrap()).toNumber() : 0;
}

async function before(api, networkInfo, url, dir) {
  // The ring builder's parameters go on chain once; the demo persons' rings (Birchwood, 3, and
  // Germany, 5) are then built block by block, and a poll's roll is frozen at its opening.
  await client('release', ['upload-chunks', '--url', url, '--suri', '//Ferdie']);
  await until(
    async () => {
      const built = await Promise.all(
        [3, 5].map(async (unit) => (await api.query.personhood.ringRoots({ Constituency: unit }, 0)).isSome),
      );
      return built.every((b) => b);
    },
    'the demo persons\' rings to be built',
    300_000,
    3_000,
  );
  const call = api.tx.jurisdictions.renameUnit(3, 'Birchwood Town');
  const { index, poll } = await peoplesReferendum(api, { Origins: 'People' }, call);
  await vote('release', url, dir, poll, [5, 6], '1');
  const ballots = { 5: await check('release', url, dir, poll, 5), 6: await check('release', url, dir, poll, 6) };
  const totals = (await api.query.ballots.totals(poll)).toJSON();
  const tally = (await api.query.peoplesReferenda.referendumInfoFor(index)).unwrap().asOngoing.tally.toJSON();
  const jurisdictions = await storageVersion(api, 'Jurisdictions');
  const ballotsVersion = await storageVersion(api, 'Ballots');
  console.log(`people's referendum #${index} (poll ${poll}) open with 2 ballots; tally ${JSON.stringify(tally)}; Jurisdictions at storage version ${jurisdictions}, Ballots at ${ballotsVersion}`);
  saveState(networkInfo, { acrossUpgrade: { index, poll, ballots, totals, tally, jurisdictions, ballotsVersion } });
  return 1;
}

async function upgrade(api, networkInfo, url, dir, codePath) {
  const code = fs.readFileSync(codePath);
  const codeHash = blake2AsHex(code, 256);
  const t0 = Date.now();
  const since = () => `${Math.round((Date.now() - t0) / 1000)} s`;
  const dave = account('Dave');
  const old = await specVersion(api);
  console.log(`spec_version ${old}; the people are asked to authorize code ${codeHash} (${code.length} bytes)`);

  const early = await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave);
  if (early.error !== 'system.NothingAuthorized') {
    throw new Error(`applying unauthorized code: expected system.NothingAuthorized, got ${early.error}`);
  }
  const { index, poll } = await peoplesReferendum(api, { system: 'Root' }, api.tx.system.authorizeUpgrade(codeHash));
  const track = (await api.query.peoplesReferenda.referendumInfoFor(index)).unwrap().asOngoing.track.toNumber();
  await until(
    async () => (await api.query.peoplesReferenda.referendumInfoFor(index)).unwrap().asOngoing.deciding.isSome,
    `referendum #${index} to start deciding`,
    300_000,
    3_000,
  );
  await vote('release', url, dir, poll, [1, 2, 5], '0');
  console.log(`referendum #${index} on people's track ${track}: poll ${poll}, 3 anonymous ayes recorded (${since()})`);
  await until(
    async () => {
      const info = await api.query.peoplesReferenda.referendumInfoFor(index);
      if (info.isSome && (info.unwrap().isRejected || info.unwrap().isTimedOut)) {
        throw new Error(`referendum #${index} ended ${info.unwrap().type}`);
      }
      return info.isSome && info.unwrap().isApproved;
    },
    `referendum #${index} to be approved`,
    600_000,
    3_000,
  );
  console.log(`referendum #${index} approved (${since()})`);
  await until(
    async () => {
      const auth = await api.query.system.authorizedUpgrade();
      return auth.isSome && auth.unwrap().codeHash.toHex() === codeHash;
    },
    'the upgrade to be authorized by the enacted referendum',
    300_000,
    3_000,
  );
  console.log(`upgrade authorized (${since()})`);
  const applied = await sendOk(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), dave);
  if (find(applied.events, 'parachainSystem', 'ValidationFunctionStored').length !== 1) {
    throw new Error('applying the authorized code stored no validation function for the relay chain');
  }
  console.log(`code stored at #${await bestNumber(api)}; waiting for the relay chain's go-ahead (${since()})`);
  await until(async () => (await specVersion(api)) > old, `spec_version above ${old}`, 600_000, 3_000);
  const upgradedAt = await bestNumber(api);
  await until(async () => (await bestNumber(api)) >= upgradedAt + 2, 'two blocks under the new runtime', 120_000);
  // veche-client reads the finalized state: wait until a finalized block ran the migrations (the
  // block that stores the code already reports the new version, but the migrations run in the
  // next; `System.LastRuntimeUpgrade` is written when they do).
  await until(
    async () => {
      const final = await api.at(await api.rpc.chain.getFinalizedHead());
      const last = await final.query.system.lastRuntimeUpgrade();
      return last.isSome && last.unwrap().specVersion.toNumber() > old;
    },
    'the upgrade\'s migrations to be finalized',
    300_000,
    3_000,
  );
  console.log(`spec_version ${old} → ${await specVersion(api)} at #${upgradedAt} (${since()})`);
  return upgradedAt;
}

async function after(networkInfo, nodeName, url, dir) {
  // A fresh connection: the metadata of the new runtime.
  const api = await connect(networkInfo, nodeName);
  try {
    const across = loadState(networkInfo).acrossUpgrade;
    if (!across) throw new Error('no poll was opened before the upgrade (step "before")');
    // The migration: Jurisdictions 1 → 2, every office covering every sphere.
    const version = await storageVersion(api, 'Jurisdictions');
    if (across.jurisdictions !== 1 || version !== 2) {
      throw new Error(`Jurisdictions' storage version: ${across.jurisdictions} before, ${version} after (expected 1 → 2)`);
    }
    const offices = await api.query.jurisdictions.offices.entries();
    const narrow = offices.filter(([, o]) => o.unwrap().spheres.toJSON() !== (1 << 20) - 1);
    if (offices.length === 0 || narrow.length > 0) {
      throw new Error(`offices after the migration: ${offices.length}, not covering every sphere: ${narrow.length}`);
    }
    console.log(`migration: Jurisdictions at storage version 2, ${offices.length} offices cover all 20 spheres`);
    // Ballots 1 → 2 as well: the open poll below is read and counted in the new layout.
    const ballotsNow = await storageVersion(api, 'Ballots');
    if (across.ballotsVersion !== 1 || ballotsNow !== 2) {
      throw new Error(`Ballots' storage version: ${across.ballotsVersion} before, ${ballotsNow} after (expected 1 → 2)`);
    }
    // Pallets the upgrade brought start at their current layout (no migration of nothing).
    for (const [pallet, version] of [['Acts', 2], ['Juries', 1]]) {
      const now = await storageVersion(api, pallet);
      if (now !== version) throw new Error(`${pallet}, new with the upgrade, is at storage version ${now}, not ${version}`);
    }
    // The poll opened before: both ballots and the tallies as they were.
    for (const n of [5, 6]) {
      const now = await check('current', url, dir, across.poll, n);
      if (JSON.stringify(now) !== JSON.stringify(across.ballots[n])) {
        throw new Error(`demo person ${n}'s ballot changed across the upgrade: ${JSON.stringify(across.ballots[n])} → ${JSON.stringify(now)}`);
      }
    }
    const totals = (await api.query.ballots.totals(across.poll)).toJSON();
    const info = (await api.query.peoplesReferenda.referendumInfoFor(across.index)).unwrap();
    if (!info.isOngoing) throw new Error(`referendum #${across.index} is no longer ongoing: ${info.type}`);
    if (JSON.stringify(totals) !== JSON.stringify(across.totals) || JSON.stringify(info.asOngoing.tally.toJSON()) !== JSON.stringify(across.tally)) {
      throw new Error(`poll ${across.poll}'s tallies changed across the upgrade: ${JSON.stringify([across.totals, across.tally])} → ${JSON.stringify([totals, info.asOngoing.tally.toJSON()])}`);
    }
    // It goes on under the new runtime: a third ballot is verified and counted (the poll's
    // totals, which stay when the referendum is decided).
    await vote('current', url, dir, across.poll, [7], '0');
    const counted = (await api.query.ballots.totals(across.poll)).unwrap();
    const was = across.totals.options;
    const now = counted.options.map((o) => o.toNumber());
    if (counted.ballots.toNumber() !== across.totals.ballots + 1 || now[0] !== was[0] + 1 || now[1] !== was[1]) {
      throw new Error(`after demo person 7's aye, poll ${across.poll}'s totals are ${JSON.stringify(counted.toJSON())} (were ${JSON.stringify(across.totals)})`);
    }
    console.log(`poll ${across.poll} intact across the upgrade (2 ballots, tallies unchanged); a ballot cast after it counted: ${JSON.stringify(counted.toJSON())}`);
  } finally {
    await api.disconnect();
  }
}

async function run(nodeName, networkInfo, args) {
  const [codePath, step, expected] = args;
  const url = networkInfo.nodesByName[nodeName].wsUri;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veche-keys-'));
  const api = await connect(networkInfo, nodeName);
  try {
    switch (step) {
      case 'before':
        return await before(api, networkInfo, url, dir);
      case 'upgrade': {
        await upgrade(api, networkInfo, url, dir, codePath);
        await api.disconnect();
        await after(networkInfo, nodeName, url, dir);
        const fresh = await connect(networkInfo, nodeName);
        const version = await specVersion(fresh);
        await fresh.disconnect();
        if (String(version) !== expected) throw new Error(`spec_version ${version} after the upgrade, not this clone's ${expected}`);
        return 1;
      }
      default:
        throw new Error(`unknown step ${step}`);
    }
  } finally {
    await api.disconnect().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
