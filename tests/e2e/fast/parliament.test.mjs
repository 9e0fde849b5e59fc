// A parliament elected on veche-node, end to end, on the test-network runtime (`fast-runtime`:
// its five-minute appeal window lets certification happen within the test; scripts/e2e.sh runs
// this directory against a node of its own). The commission adds a 6-seat parliament of the
// three diaspora constituencies (party lists, D'Hondt, a 30 % threshold, two preference votes)
// and a 2-seat Birchwood board elected by sequential Phragmén. Two parties register lists, their
// candidates (publicly identified) nominate and are endorsed, and make promises. Persons of
// Germany (demo 1–4), Poland and Georgia (four fresh persons each, the rings' anonymity floor; two
// of each vote) vote for lists and preferences with veche-client. The count leaves the second party under the threshold; the commission then
// excludes Poland on appeal, the recount lets that party in and seats move in Germany, and
// `veche-client election-count` agrees with the chain each time. After the appeal window the
// parliament is certified and its holders seated; a seated member reports on a promise and the
// accredited auditor gives a verdict. The board's Phragmén outcome is claimed from veche-client's
// count and checked on chain (a wrong claim first, which forfeits its deposit).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { connect, disconnect, builtRing, client, CLIENT, find, keyring, MODE, send, until, UNIT, WS } from '../lib.mjs';

const REPUBLIC = 0;
const BIRCHWOOD = 3;
const GERMANY = 5; // demo persons 1–4
const POLAND = 6;
const GEORGIA = 7;
const SEATS = 6; // two per constituency: each has four registered persons
const NOMINATION = 10;
const VOTING = 40;
const CLAIM_DEPOSIT = 20n * 10n ** 12n; // configs/elections.rs: ClaimDeposit

const dir = mkdtempSync(join(tmpdir(), 'veche-parliament-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disconnect();
});

let SKIP = MODE !== 'node' && 'the parliament runs on veche-node (ballots are v5 general transactions)';
const voters = {};
const ids = {}; // account → name, for messages
let parliament; // { office, election, polls: Map<constituency, poll> }
let board; // { office, election, poll }
const promises = {}; // each Civic Union candidate's promise in the parliament's election, by name
let registrar;

const sudoOk = (r) => r.error === undefined && find(r.events, 'sudo', 'Sudid')[0]?.data[0].isOk;
const head = async () => (await (await connect()).rpc.chain.getHeader()).number.toNumber();
const hex = (account) => (typeof account === 'string' ? account : account.address);
const seatsOf = (count) =>
  count.seats.map((s) => ({ who: s.who, constituency: s.constituency, list: s.list }));
/// Olga's account (not one of the dev accounts the chain funds at genesis).
const olgaKey = () => new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Olga');
const pubkey = async (who) => (await connect()).createType('AccountId', hex(who)).toHex();

/// A voter's ballot for `list` (preferring `candidates` of it) in the parliament, with veche-client.
async function voteList(voter, constituency, list, candidates = []) {
  const args = ['election-choice', '--url', WS, '--election', String(parliament.election),
    '--constituency', String(constituency), '--list', String(list)];
  if (candidates.length) args.push('--candidates', candidates.map(hex).join(','));
  const { poll, choice } = await client(...args);
  assert.equal(poll, parliament.polls.get(constituency), `the poll of constituency ${constituency}`);
  return client('vote', '--url', WS, '--key', voters[voter], '--poll', String(poll), '--choice', choice);
}

/// A voter's approval ballot in the board's Phragmén election.
async function approve(voter, candidates) {
  const { poll, choice } = await client('election-choice', '--url', WS, '--election', String(board.election),
    '--candidates', candidates.map(hex).join(','));
  assert.equal(poll, board.poll);
  return client('vote', '--url', WS, '--key', voters[voter], '--poll', String(poll), '--choice', choice);
}

const size = (e) =>
  e === parliament.election ? { constituencies: 3, lists: 2, seats: SEATS } : { constituencies: 1, lists: 0, seats: 2 };

before(async () => {
  const api = await connect();
  // The test network's runtime only: a week's appeal window would not end within a test.
  if (!SKIP && api.consts.ballots.appealPeriod.toNumber() > 100) {
    SKIP = 'the node runs the default runtime (a week of appeals); scripts/e2e.sh node runs this on fast-runtime';
  }
  if (SKIP) {
    console.log(`SKIPPED: parliament e2e — ${SKIP}`);
    return;
  }
  assert.ok(CLIENT, 'VECHE_CLIENT names the veche-client binary');
  const k = keyring();
  const { alice, bob, charlie, dave, eve, ferdie } = k;
  for (const [name, pair] of Object.entries(k)) ids[pair.address] = name;
  const olga = olgaKey();
  ids[olga.address] = 'olga';
  await client('upload-chunks', '--url', WS, '--suri', '//Alice');
  for (let n = 1; n <= 8; n++) {
    voters[`demo${n}`] = join(dir, `demo-${n}.key`);
    await client('key', 'demo', '--person', String(n), '--out', voters[`demo${n}`]);
  }
  // Four fresh persons each in Poland and Georgia (a new ring opens with no fewer: the anonymity
  // floor), registered by Dave (the demo registrar).
  writeFileSync(join(dir, 'shared-secret'), 'registrars-shared-secret-for-the-parliament');
  for (const [country, constituency] of [['PL', POLAND], ['GE', GEORGIA]]) {
    for (let i = 1; i <= 4; i++) {
      const key = join(dir, `${country}-${i}.key`);
      const { member } = await client('key', 'new', '--out', key);
      const { tag } = await client('tag', '--secret-file', join(dir, 'shared-secret'),
        '--country', country, '--id-number', `7700${i}${constituency}`);
      await client('register', '--url', WS, '--suri', '//Dave', '--tag', tag, '--member', member,
        '--constituency', String(constituency));
      voters[`${country}${i}`] = key;
    }
  }

  // Candidates act from publicly identified accounts: Alice (sudo) becomes a registrar and
  // judges the candidates and Eve, the accredited auditor.
  assert.ok(sudoOk(await send(api.tx.sudo.sudo(api.tx.identity.addRegistrar(alice.address)), alice)));
  registrar = (await api.query.identity.registrars()).length - 1;
  // Olga, of the Georgian diaspora, stands too: Alice funds her.
  assert.equal((await send(api.tx.balances.transferKeepAlive(olga.address, 1_000n * UNIT), alice)).error, undefined);
  for (const who of [alice, bob, charlie, dave, eve, ferdie, olga]) {
    assert.equal((await send(api.tx.identity.setIdentity({ display: { Raw: ids[who.address] } }), who)).error, undefined);
    const info = (await api.query.identity.identityOf(who.address)).unwrap();
    const registration = Array.isArray(info) ? info[0] : info;
    const judged = await send(
      api.tx.identity.provideJudgement(registrar, who.address, 'Reasonable', registration.info.hash),
      alice,
    );
    assert.equal(judged.error, undefined);
  }

  // Every voter's ring is built before voting opens (the rolls freeze then). Four persons make
  // no cohort of eight: Poland's and Georgia's wait the longest a key waits (20 blocks on this
  // runtime), then their rings are built.
  for (const key of Object.values(voters)) assert.ok((await builtRing(key, 80)).revision >= 1);

  // The two offices and their rules (the commission: sudo on this chain).
  const term = 100_000;
  const addOffice = async (unit, name, seats, method) => {
    const office = (await api.query.jurisdictions.nextOfficeId()).toNumber();
    assert.ok(sudoOk(await send(api.tx.sudo.sudo(api.tx.jurisdictions.addOffice(unit, name, seats)), alice)));
    const rules = { method, term, nomination: NOMINATION, voting: VOTING, promotion: false, primary: 0 };
    assert.ok(sudoOk(await send(api.tx.sudo.sudo(api.tx.elections.setRules(office, rules)), alice)));
    return office;
  };
  const list = {
    PartyList: {
      constituencies: [GERMANY, POLAND, GEORGIA],
      minSeats: 1,
      divisor: 'DHondt',
      threshold: 300_000_000, // 30 %
      preferences: 2,
    },
  };
  parliament = { office: await addOffice(REPUBLIC, 'Diaspora parliament (test)', SEATS, list) };
  board = { office: await addOffice(BIRCHWOOD, 'Birchwood board', 2, 'Phragmen') };
  // Room for the seventeen nominating transactions below (a block or two each).
  const start = (await head()) + NOMINATION + 35;
  for (const e of [parliament, board]) {
    e.election = (await api.query.elections.nextElectionId()).toNumber();
    assert.ok(sudoOk(await send(api.tx.sudo.sudo(api.tx.elections.schedule(e.office, start)), alice)));
  }

  // Lists: Bob's Civic Union (0) and Ferdie's Diaspora Voice (1); candidates nominate on a list in
  // a constituency and its agent endorses them, in list order.
  for (const [agent, name] of [[bob, 'Civic Union'], [ferdie, 'Diaspora Voice']]) {
    assert.equal((await send(api.tx.elections.registerList(parliament.election, name), agent)).error, undefined);
  }
  const places = [[bob, 0, GERMANY, bob], [charlie, 0, GERMANY, bob], [dave, 0, POLAND, bob],
    [ferdie, 1, GERMANY, ferdie], [alice, 1, GERMANY, ferdie], [olga, 0, GEORGIA, bob]];
  for (const [who, l, c] of places) {
    const r = await send(api.tx.elections.nominate(parliament.election, [l, c]), who);
    assert.equal(r.error, undefined, `${ids[who.address]} nominates`);
  }
  // Only a list's agent endorses onto it: Ferdie cannot put Charlie on Bob's list.
  assert.equal(
    (await send(api.tx.elections.endorse(parliament.election, charlie.address), ferdie)).error,
    'elections.NotAuthorized',
  );
  for (const [who, , , agent] of places) {
    assert.equal((await send(api.tx.elections.endorse(parliament.election, who.address), agent)).error, undefined);
  }
  // Civic Union's German candidates each make a promise while nominations are open.
  for (const [who, title] of [[bob, 'Consular services online'], [charlie, 'Postal voting abroad']]) {
    const made = await send(
      api.tx.promises.make(parliament.election, title, '0x' + '51'.repeat(32), 'Diaspora', null, null),
      who,
    );
    assert.equal(made.error, undefined);
    promises[ids[who.address]] = find(made.events, 'promises', 'PromiseMade')[0].data.promise.toNumber();
  }
  // The board: Alice, Dave and Ferdie stand, in that order.
  for (const who of [alice, dave, ferdie]) {
    assert.equal((await send(api.tx.elections.nominate(board.election, null), who)).error, undefined);
  }

  await until(async () => (await head()) >= start, 200, 2);
  for (const e of [parliament, board]) {
    const opened = await send(api.tx.elections.openVoting(e.election, size(e.election)), eve);
    assert.equal(opened.error, undefined);
  }
  const polls = (await api.query.elections.electionPolls(parliament.election)).map(([c, p]) => [c.toNumber(), p.toNumber()]);
  parliament.polls = new Map(polls);
  assert.deepEqual([...parliament.polls.keys()], [GERMANY, POLAND, GEORGIA]);
  board.poll = (await api.query.elections.electionPolls(board.election))[0][1].toNumber();
});

test('persons of three constituencies vote for lists and preferences with veche-client', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice, charlie, dave, ferdie } = keyring();
  const outcomes = [
    await voteList('demo1', GERMANY, 0, [charlie]),
    await voteList('demo2', GERMANY, 0),
    await voteList('demo3', GERMANY, 1, [alice]),
    await voteList('demo4', GERMANY, 1),
    await voteList('PL1', POLAND, 0, [dave]),
    await voteList('PL2', POLAND, 0, [dave]),
    await voteList('GE1', GEORGIA, 0),
    await voteList('GE2', GEORGIA, 0),
    // The board: two approve Alice and Dave, two Ferdie alone.
    await approve('demo5', [alice, dave]),
    await approve('demo6', [alice, dave]),
    await approve('demo7', [ferdie]),
    await approve('demo8', [ferdie]),
  ];
  for (const o of outcomes) assert.equal(o.recorded, true, JSON.stringify(o));
  assert.equal(new Set(outcomes.map((o) => o.alias)).size, outcomes.length);
  // Diaspora Voice has nobody in Georgia: it is not on Georgia's ballot.
  await assert.rejects(
    client('election-choice', '--url', WS, '--election', String(parliament.election),
      '--constituency', String(GEORGIA), '--list', '1'),
    /no candidate/,
  );
  // A German person has no ballot in Poland's poll (the roll is Poland's registered persons).
  await assert.rejects(
    client('vote', '--url', WS, '--key', voters.demo1, '--poll', String(parliament.polls.get(POLAND)), '--choice', '0'),
    /ring|electorate|roll/i,
  );
  const germany = (await api.query.ballots.tallies(parliament.polls.get(GERMANY), GERMANY)).unwrap();
  assert.equal(germany.ballots.toNumber(), 4);
});

let before_exclusion;
test('the count leaves a party under the threshold; Poland excluded on appeal moves seats, and veche-client agrees', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice, bob, charlie, dave, eve, ferdie } = keyring();
  const end = (await api.query.ballots.polls(parliament.polls.get(GERMANY))).unwrap().end.toNumber();
  await until(async () => (await head()) >= end, 200, 2);
  // Certification waits for the appeal window.
  const early = await send(api.tx.elections.certify(parliament.election, size(parliament.election)), eve);
  assert.equal(early.error, 'elections.WrongStage');
  for (const e of [parliament, board]) {
    assert.equal((await send(api.tx.elections.count(e.election, size(e.election)), eve)).error, undefined);
  }
  assert.equal(
    (await send(api.tx.elections.certify(parliament.election, size(parliament.election)), eve)).error,
    'elections.AppealsOpen',
  );
  // Civic Union has 6 list votes of 8: Diaspora Voice's 25 % is under the 30 % threshold, so both
  // German seats go to Civic Union's two German candidates, Dave takes one of Poland's and Olga one
  // of Georgia's (the list has no second candidate in either).
  before_exclusion = await client('election-count', '--url', WS, '--election', String(parliament.election));
  assert.equal(before_exclusion.seats_agree, true, JSON.stringify(before_exclusion));
  const seated = (count) => count.seats.map((s) => `${s.who}@${s.constituency}/${s.list}`).sort();
  const b = await pubkey(bob), c = await pubkey(charlie), d = await pubkey(dave);
  const a = await pubkey(alice), f = await pubkey(ferdie), o = await pubkey(olgaKey());
  assert.deepEqual(
    seated(before_exclusion),
    [`${b}@${GERMANY}/0`, `${c}@${GERMANY}/0`, `${d}@${POLAND}/0`, `${o}@${GEORGIA}/0`].sort(),
  );

  // Fraud proven in Poland: the commission excludes it on appeal; anyone counts again.
  const reason = '0x' + '66'.repeat(32);
  const excluded = await send(
    api.tx.sudo.sudo(api.tx.ballots.excludeTerritory(parliament.polls.get(POLAND), POLAND, reason)),
    alice,
  );
  assert.ok(sudoOk(excluded));
  assert.equal((await send(api.tx.elections.count(parliament.election, size(parliament.election)), bob)).error, undefined);
  // Now 4 list votes of 6 against 2: Diaspora Voice passes the threshold and Germany's two seats
  // split one and one by D'Hondt (a seat moves from Civic Union to Diaspora Voice); Poland's seat
  // is lost with its votes.
  const recount = await client('election-count', '--url', WS, '--election', String(parliament.election));
  assert.equal(recount.seats_agree, true, JSON.stringify(recount));
  const german = (count, list) => count.seats.filter((s) => s.constituency === GERMANY && s.list === list);
  assert.equal(german(recount, 0).length, 1, JSON.stringify(recount.seats));
  assert.equal(german(recount, 1).length, 1, JSON.stringify(recount.seats));
  assert.equal(recount.seats.length, 3);
  assert.ok([b, c].includes(german(recount, 0)[0].who));
  assert.ok([a, f].includes(german(recount, 1)[0].who));
  assert.ok(recount.seats.some((s) => s.who === o && s.constituency === GEORGIA));
  assert.equal((await api.query.elections.outcomes(parliament.election)).unwrap().length, 3);
});

test('after the appeal window the parliament is certified; a member reports on a promise and the auditor rates it', { skip: SKIP }, async () => {
  const api = await connect();
  const k = keyring();
  const { dave, eve } = k;
  const appeal = api.consts.ballots.appealPeriod.toNumber();
  const end = (await api.query.ballots.polls(parliament.polls.get(GERMANY))).unwrap().end.toNumber();
  await until(async () => (await head()) > end + appeal, appeal + 60, 2);
  const certified = await send(api.tx.elections.certify(parliament.election, size(parliament.election)), dave);
  assert.equal(certified.error, undefined);
  assert.equal(find(certified.events, 'elections', 'ElectionCertified').length, 1);
  const holders = (await api.query.elections.holders(parliament.office)).map((h) => h.seat.who.toString());
  assert.equal(holders.length, 3);
  assert.ok(holders.includes(olgaKey().address));
  assert.ok(!holders.includes(dave.address), 'Dave lost his seat with Poland');
  const after = await client('election-count', '--url', WS, '--election', String(parliament.election));
  assert.equal(after.seats_agree, true);

  // Civic Union's seated member reports progress with evidence; Eve, the accredited auditor
  // (identified above), rates it kept. Its unseated candidate cannot report on their promise.
  const [member, other] = holders.includes(k.bob.address) ? ['bob', 'charlie'] : ['charlie', 'bob'];
  assert.ok(holders.includes(k[member].address));
  const promise = promises[member];
  const unseated = await send(
    api.tx.promises.reportProgress(promises[other], 10, 'Hoping', '0x' + '50'.repeat(32)),
    k[other],
  );
  assert.equal(unseated.error, 'promises.NotServing');
  const report = await send(
    api.tx.promises.reportProgress(promise, 60, 'Pilot consulate online', '0x' + '52'.repeat(32)),
    k[member],
  );
  assert.equal(report.error, undefined);
  const rated = await send(api.tx.promises.rate(promise, 'Kept', '0x' + '53'.repeat(32)), eve);
  assert.equal(rated.error, undefined);
  const info = (await api.query.promises.promises(promise)).unwrap();
  assert.equal(info.status.toString(), 'Kept');
  assert.equal(info.progress.toNumber(), 60);
  // The maker cannot rate their own promise (not an auditor).
  assert.equal(
    (await send(api.tx.promises.rate(promise, 'Broken', '0x' + '54'.repeat(32)), k[member])).error,
    'promises.NotAnAuditor',
  );
});

test('the board’s Phragmén seats: a wrong claim forfeits its deposit, veche-client’s claim is checked on chain', { skip: SKIP }, async () => {
  const api = await connect();
  const { alice, bob, eve, ferdie } = keyring();
  const count = await client('election-count', '--url', WS, '--election', String(board.election));
  assert.equal(count.claim_needed, true, JSON.stringify(count));
  // Phragmén seats Alice and the minority's Ferdie, where approval voting would seat Alice and Dave.
  assert.deepEqual(count.phragmen_claim.map(([c]) => c), [0, 2]);
  const claim = count.phragmen_claim.map(([c, load]) => [c, BigInt(load)]);
  const check = async (who) => {
    for (let i = 0; i < 10; i++) {
      const r = await send(api.tx.elections.checkPhragmen(board.election, 2), who);
      assert.equal(r.error, undefined);
      const [done] = find(r.events, 'elections', 'PhragmenChecked');
      if (done) return done.data;
    }
    throw new Error('the check did not end');
  };
  // Bob claims approval's winners (Alice, then Dave) with the loads Phragmén would give them.
  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const bobBefore = await free(bob);
  const wrong = [claim[0], [1, claim[1][1]]];
  assert.equal((await send(api.tx.elections.claimPhragmen(board.election, wrong), bob)).error, undefined);
  // One claim at a time.
  assert.equal((await send(api.tx.elections.claimPhragmen(board.election, claim), eve)).error, 'elections.ClaimInProgress');
  const refused = await check(eve);
  assert.ok(refused.fault.isSome, 'the wrong claim is refused');
  assert.ok(bobBefore - (await free(bob)) >= CLAIM_DEPOSIT, 'its deposit forfeited');
  // Eve claims veche-client's count: accepted, the seats written, her deposit back.
  const eveBefore = await free(eve);
  assert.equal((await send(api.tx.elections.claimPhragmen(board.election, claim), eve)).error, undefined);
  const accepted = await check(eve);
  assert.ok(accepted.fault.isNone, JSON.stringify(accepted.toHuman()));
  assert.ok(eveBefore - (await free(eve)) < CLAIM_DEPOSIT, 'the deposit is returned');
  const agreed = await client('election-count', '--url', WS, '--election', String(board.election));
  assert.equal(agreed.seats_agree, true, JSON.stringify(agreed));
  const seats = agreed.chain_seats.map((s) => s.who);
  assert.deepEqual(seats, [await pubkey(alice), await pubkey(ferdie)]);
  const certified = await send(api.tx.elections.certify(board.election, size(board.election)), eve);
  assert.equal(certified.error, undefined);
  const holders = (await api.query.elections.holders(board.office)).map((h) => h.seat.who.toString()).sort();
  assert.deepEqual(holders, [alice.address, ferdie.address].sort());
});
