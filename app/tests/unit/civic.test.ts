// Civic participation in the citizen app: the bytes the page signs and binds, each checked against
// bytes written out here from the Rust definitions (pallets/consultations: `open_message`,
// `renew_message`, `renew_signed`, `profile_message`, `answer_binding`; SCALE: fixed arrays and
// byte-string literals bare, integers little-endian, a `Vec`/slice after its compact length); the
// call layout against the runtime's metadata; sealing with the real prover.wasm to the dev chain's
// genesis trustees' key (read from chain-specs/dev-raw.json); the profile key; and the mapping of
// the chain's stages and status reports.
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2b } from '@noble/hashes/blake2.js';
import { getTypedCodecs } from 'polkadot-api';
import { Twox128, Twox64Concat } from '@polkadot-api/substrate-bindings';
import { DEV_MINI_SECRET, sr25519 } from '@polkadot-labs/hdkd-helpers';
import { veche } from '@polkadot-api/descriptors';
import { loadProver, sealedLen, type Prover } from '../../src/lib/prover/abi';
import { concat, fromHex, toHex } from '../../src/lib/bytes';
import {
  answerBinding,
  AUTH_LEN,
  atLeast,
  CivicError,
  decodeSealed,
  encodeAuth,
  openMessage,
  phaseOf,
  profileKeyFromMiniSecret,
  profileMessage,
  renewMessage,
  renewSigned,
  reportOf,
  scoreText,
  sealedTo,
  splitCall,
  stageOf,
  TAGS,
} from '../../src/features/civic/civic';

const wasm = new URL('../../public/prover.wasm', import.meta.url);
const rawSpec = new URL('../../../chain-specs/dev-raw.json', import.meta.url);

/** A demo person's secret, as veche-client's `Secret::demo(n)` derives it. */
const demo = (n: number) => blake2b(new TextEncoder().encode(`veche-demo-person-${n}`), { dkLen: 32 });

// Test inputs: a profile key 0x01..0x20 and a genesis hash of 0xaa bytes.
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const KEY_HEX = '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';
const GENESIS = new Uint8Array(32).fill(0xaa);
const GENESIS_HEX = 'aa'.repeat(32);
// The byte-string literals' bytes (ASCII).
const PROFILE_OPEN = '76656368652f70726f66696c652d6f70656e'; // "veche/profile-open"
const PROFILE_RENEW = '76656368652f70726f66696c652d72656e6577'; // "veche/profile-renew"
const PROFILE_CALL = '76656368652f70726f66696c652d63616c6c'; // "veche/profile-call"
const ANSWER = '76656368652f616e73776572'; // "veche/answer"

describe('the messages a profile signs and binds', () => {
  it('open_message: the literal, the key, then the name after its compact length', () => {
    expect(toHex(openMessage(KEY, new TextEncoder().encode('Ann')))).toBe(`0x${PROFILE_OPEN}${KEY_HEX}0c416e6e`);
    // UTF-8: "Жанна" is 10 bytes (compact 10 = 0x28); an empty name is one zero byte.
    expect(toHex(openMessage(KEY, new TextEncoder().encode('Жанна')))).toBe(`0x${PROFILE_OPEN}${KEY_HEX}28d096d0b0d0bdd0bdd0b0`);
    expect(toHex(openMessage(KEY, new Uint8Array()))).toBe(`0x${PROFILE_OPEN}${KEY_HEX}00`);
    // 64 bytes take the two-byte compact: (64 << 2) | 1 = 0x0101.
    expect(toHex(openMessage(KEY, new Uint8Array(64).fill(0x41)))).toBe(`0x${PROFILE_OPEN}${KEY_HEX}0101${'41'.repeat(64)}`);
    expect(() => openMessage(KEY.slice(1), new Uint8Array())).toThrow(RangeError);
  });

  it('renew_message: the literal, the profile (u32), the key', () => {
    expect(toHex(renewMessage(7, KEY))).toBe(`0x${PROFILE_RENEW}07000000${KEY_HEX}`);
    expect(toHex(renewMessage(0x01020304, KEY))).toBe(`0x${PROFILE_RENEW}04030201${KEY_HEX}`);
  });

  it('renew_signed: the literal, the genesis hash, the profile, the period, tag 1', () => {
    expect(toHex(renewSigned(GENESIS, 7, 3))).toBe(`0x${PROFILE_CALL}${GENESIS_HEX}070000000300000001`);
    expect(() => renewSigned(GENESIS.slice(1), 7, 3)).toThrow(RangeError);
  });

  it('profile_message: the literal, the genesis hash, the profile, the nonce, the tag, BLAKE2b-256 of the arguments', () => {
    // rate_idea(idea 5, grade 4): its arguments after `auth` are 05000000 04; their BLAKE2b-256
    // (computed apart from the app's code).
    const payload = fromHex('0x0500000004');
    const hash = 'a68ce017064d0547db0c4df9bac1045dc5346da8f4b3203ff5708ebfd5c2359b';
    expect(toHex(profileMessage(GENESIS, 7, 2, TAGS.RATE_IDEA, payload))).toBe(`0x${PROFILE_CALL}${GENESIS_HEX}07000000020000000b${hash}`);
  });

  it('answer_binding: the literal, the genesis hash, the consultation, the profile, the revision (u16)', () => {
    expect(toHex(answerBinding(GENESIS, 12, 7, 1))).toBe(`0x${ANSWER}${GENESIS_HEX}0c000000070000000100`);
    expect(toHex(answerBinding(GENESIS, 0, 0, 0x0102))).toBe(`0x${ANSWER}${GENESIS_HEX}00000000000000000201`);
  });

  it('names each call by the pallet’s tags (its call indices; renewal 1)', () => {
    expect(TAGS).toEqual({ RENEW: 1, SET_NAME: 2, PROPOSE: 3, ANSWER: 6, CLAIM: 9, POST_IDEA: 10, RATE_IDEA: 11, JOIN_CLUB: 14, LEAVE_CLUB: 15 });
  });
});

describe('a profile call’s layout', () => {
  const signature = new Uint8Array(64).fill(0x11);

  it('ProfileAuth is the profile, the nonce and the signature', () => {
    expect(toHex(encodeAuth(7, 2, signature))).toBe(`0x0700000002000000${'11'.repeat(64)}`);
    expect(AUTH_LEN).toBe(72);
    expect(() => encodeAuth(7, 2, new Uint8Array(63))).toThrow(RangeError);
  });

  it('splits a call the runtime’s metadata encodes into its indices and the arguments after auth', async () => {
    const codecs = await getTypedCodecs(veche);
    const args = codecs.tx.Consultations.rate_idea.enc({ auth: { profile: 7, nonce: 2, signature: toHex(signature) as `0x${string}` }, idea: 5, grade: 4 });
    const call = concat(Uint8Array.of(70, 11), args);
    const { head, payload } = splitCall(call, encodeAuth(7, 2, signature));
    expect(toHex(head)).toBe('0x460b');
    expect(toHex(payload)).toBe('0x0500000004');
    expect(() => splitCall(call, encodeAuth(7, 3, signature))).toThrow(CivicError);
    expect(() => splitCall(call.slice(0, 40), encodeAuth(7, 2, signature))).toThrow('encoding-mismatch');
  });
});

/** The public key of the trustees' current key in the dev chain's genesis storage. */
async function genesisTrusteesKey(): Promise<Uint8Array> {
  const top = JSON.parse(readFileSync(rawSpec, 'utf8')).genesis.raw.top as Record<string, string>;
  const ascii = (s: string) => new TextEncoder().encode(s);
  const item = (pallet: string, name: string) => concat(Twox128(ascii(pallet)), Twox128(ascii(name)));
  const current = top[toHex(item('Trustees', 'CurrentKey'))];
  expect(current, 'the dev chain has a current trustees key').toBeDefined();
  const ceremony = top[toHex(concat(item('Trustees', 'Ceremonies'), Twox64Concat(fromHex(current))))];
  const codecs = await getTypedCodecs(veche);
  const { stage } = codecs.query.Trustees.Ceremonies.value.dec(ceremony);
  if (stage.type !== 'Ready') throw new Error(`the genesis key is ${stage.type}`);
  return fromHex(stage.value.public_key);
}

describe('sealed answers (prover.wasm)', () => {
  let prover: Prover;
  let pk: Uint8Array;
  beforeAll(async () => {
    prover = await loadProver(readFileSync(wasm), (buf) => webcrypto.getRandomValues(buf as Uint8Array<ArrayBuffer>));
    pk = await genesisTrusteesKey();
  });
  const ciphertexts = (sealed: Uint8Array) => decodeSealed(sealed).ciphertexts.map((c) => concat(fromHex(c.a), fromHex(c.b)));

  it('seals a choice that its author reads back, and nobody else with another binding or secret', () => {
    const binding = answerBinding(GENESIS, 3, 1, 0);
    const input = { seed: demo(1), pk, options: 3, choice: 1, binding };
    const sealed = prover.sealChoice(input);
    expect(sealed.length).toBe(1 + 64 * 3 + 1 + 128 * 3 + 64);
    expect(sealed.length).toBe(sealedLen(3));
    // Deterministic: the randomness comes from the secret and the binding.
    expect(toHex(prover.sealChoice(input))).toBe(toHex(sealed));
    const cts = ciphertexts(sealed);
    expect(prover.readChoice({ seed: demo(1), pk, ciphertexts: cts, binding })).toBe(1);
    // The next revision's binding, another consultation, another person: not theirs.
    expect(prover.readChoice({ seed: demo(1), pk, ciphertexts: cts, binding: answerBinding(GENESIS, 3, 1, 1) })).toBeNull();
    expect(prover.readChoice({ seed: demo(1), pk, ciphertexts: cts, binding: answerBinding(GENESIS, 4, 1, 0) })).toBeNull();
    expect(prover.readChoice({ seed: demo(2), pk, ciphertexts: cts, binding })).toBeNull();
    // A change is sealed under the next revision and reads back as the new choice.
    const changed = answerBinding(GENESIS, 3, 1, 1);
    const again = prover.sealChoice({ ...input, choice: 2, binding: changed });
    expect(prover.readChoice({ seed: demo(1), pk, ciphertexts: ciphertexts(again), binding: changed })).toBe(2);
  });

  it('refuses a choice outside the options, too many options, and a key that is no point', () => {
    const binding = answerBinding(GENESIS, 3, 1, 0);
    expect(() => prover.sealChoice({ seed: demo(1), pk, options: 3, choice: 3, binding })).toThrow('bad-seal');
    expect(() => prover.sealChoice({ seed: demo(1), pk, options: 17, choice: 0, binding })).toThrow('bad-seal');
    expect(() => prover.sealChoice({ seed: demo(1), pk: new Uint8Array(32).fill(0xff), options: 3, choice: 0, binding })).toThrow('bad-seal');
  });

  it('opens an option with 32 bytes, the same each time, different per option and binding', () => {
    const binding = answerBinding(GENESIS, 3, 1, 0);
    const r = prover.opening(demo(1), binding, 1);
    expect(r.length).toBe(32);
    expect(toHex(prover.opening(demo(1), binding, 1))).toBe(toHex(r));
    expect(toHex(prover.opening(demo(1), binding, 0))).not.toBe(toHex(r));
    expect(toHex(prover.opening(demo(1), answerBinding(GENESIS, 3, 1, 1), 1))).not.toBe(toHex(r));
    expect(toHex(prover.opening(demo(2), binding, 1))).not.toBe(toHex(r));
  });

  it('decodes the sealed bytes as the runtime’s metadata encodes the answer call', async () => {
    const sealed = prover.sealChoice({ seed: demo(1), pk, options: 4, choice: 0, binding: answerBinding(GENESIS, 9, 2, 0) });
    const decoded = decodeSealed(sealed);
    expect(decoded.ciphertexts.length).toBe(4);
    expect(decoded.bits.length).toBe(4);
    const codecs = await getTypedCodecs(veche);
    const auth = { profile: 2, nonce: 5, signature: toHex(new Uint8Array(64)) as `0x${string}` };
    const args = codecs.tx.Consultations.answer.enc({ auth, consultation: 9, sealed: decoded });
    // What the page signs (the arguments after auth) is the consultation and the prover's bytes.
    expect(toHex(args)).toBe(toHex(concat(encodeAuth(2, 5, new Uint8Array(64)), Uint8Array.of(9, 0, 0, 0), sealed)));
    expect(() => decodeSealed(sealed.slice(0, -1))).toThrow('bad-seal');
    expect(() => decodeSealed(concat(sealed, Uint8Array.of(0)))).toThrow('bad-seal');
  });

  it('derives the profile key as veche-seal’s protocol does, the same on every device', () => {
    // `protocol::profile_key_seed(secret)` = BLAKE2b-256("veche/profile-key" ‖ secret).
    const seed = prover.profileKeySeed(demo(1));
    const expected = blake2b(concat(new TextEncoder().encode('veche/profile-key'), demo(1)), { dkLen: 32 });
    expect(toHex(seed)).toBe(toHex(expected));
    const key = profileKeyFromMiniSecret(seed);
    expect(key.publicKey.length).toBe(32);
    expect(toHex(profileKeyFromMiniSecret(prover.profileKeySeed(demo(1))).publicKey)).toBe(toHex(key.publicKey));
    expect(toHex(profileKeyFromMiniSecret(prover.profileKeySeed(demo(2))).publicKey)).not.toBe(toHex(key.publicKey));
    // Pinned: a change here would orphan every profile opened with the app.
    expect(toHex(key.publicKey)).toBe(DEMO1_PROFILE_KEY);
    // Its signatures verify under the "substrate" signing context, as sp_core's sr25519_verify checks.
    const message = profileMessage(GENESIS, 7, 2, TAGS.RATE_IDEA, fromHex('0x0500000004'));
    expect(sr25519.verify(key.sign(message), message, key.publicKey)).toBe(true);
    expect(sr25519.verify(key.sign(message), renewSigned(GENESIS, 7, 3), key.publicKey)).toBe(false);
  });
});

/**
 * Demo person 1's profile key (sr25519 public key). veche-client's test
 * `demo_person_1_s_profile_key_is_the_one_the_app_derives` pins the same bytes from its native
 * derivation (`consult::profile_key`), so the two implementations are checked against each other;
 * on a node the civic browser test checks it again (veche-client finds the profile the page opened).
 */
const DEMO1_PROFILE_KEY = '0x2c766e88033b5de5cdbafdf269cb5c0d3cc38509a51f1ca4cccf7a27bf17d335';

describe('the profile key', () => {
  it('expands a mini secret as Substrate does (the dev phrase’s root key)', () => {
    // `subkey inspect` of the well-known development phrase, no derivation path.
    expect(toHex(profileKeyFromMiniSecret(fromHex(DEV_MINI_SECRET)).publicKey)).toBe(
      '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
    );
    expect(() => profileKeyFromMiniSecret(new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('the chain’s records as the screen shows them', () => {
  it('flattens a consultation’s stage and places it at a block', () => {
    expect(stageOf({ type: 'Proposed' })).toEqual({ type: 'Proposed' });
    expect(stageOf({ type: 'Rejected', value: { reason: '0x11' } })).toEqual({ type: 'Rejected', reason: '0x11' });
    const open = stageOf({ type: 'Open', value: { key: 0, closes: 120 } });
    expect(open).toEqual({ type: 'Open', key: 0, closes: 120 });
    expect(stageOf({ type: 'Counted', value: { key: 2, closes: 120, winner: 1 } })).toEqual({ type: 'Counted', key: 2, closes: 120, winner: 1 });
    expect(stageOf({ type: 'Counted', value: { key: 2, closes: 120, winner: undefined } })).toEqual({ type: 'Counted', key: 2, closes: 120 });
    // Answers are taken while the block is before the close; then the trustees decrypt.
    expect(phaseOf(open, 119)).toBe('Open');
    expect(phaseOf(open, 120)).toBe('Closed');
    expect(phaseOf({ type: 'Counted', key: 0, closes: 120 }, 500)).toBe('Counted');
    expect(phaseOf({ type: 'Proposed' }, 500)).toBe('Proposed');
    expect(sealedTo(open)).toBe(0);
    expect(sealedTo({ type: 'Counted', key: 2, closes: 1 })).toBe(2);
    expect(sealedTo({ type: 'Proposed' })).toBeUndefined();
  });

  it('reads a status report, and orders statuses', () => {
    const r = reportOf({
      status: { type: 'LocalExpert' },
      figures: { months: 2, months_proposing: 2, consultations: 8, answered: 7, settled: 7, agreed: 3 },
      from: 4,
      until: 5,
    });
    expect(r).toEqual({
      status: 'LocalExpert',
      figures: { months: 2, monthsProposing: 2, consultations: 8, answered: 7, settled: 7, agreed: 3 },
      from: 4,
      until: 5,
    });
    const zero = { months: 0, months_proposing: 0, consultations: 0, answered: 0, settled: 0, agreed: 0 };
    expect(reportOf({ status: { type: 'Unknown' }, figures: zero, from: 0, until: 0 }).status).toBe('None');
    expect(atLeast('OpinionLeader', 'LocalExpert')).toBe(true);
    expect(atLeast('LocalExpert', 'LocalExpert')).toBe(true);
    expect(atLeast('Responsible', 'LocalExpert')).toBe(false);
    expect(atLeast('None', 'Registered')).toBe(false);
  });

  it('shows an idea’s score (thousandths of a grade) as a grade', () => {
    // One grade of 5 with the two phantom 3s: (5 + 6) · 1000 / 3 = 3666.
    expect(scoreText(3666)).toBe('3.67');
    expect(scoreText(3000)).toBe('3.00');
    expect(scoreText(5000)).toBe('5.00');
  });
});
