import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { toHex } from '../../src/lib/bytes';
import {
  ACT_CONTEXT,
  KEY_CONTEXT,
  blockAt,
  contentHash,
  matches,
  verifyActSignature,
  versionMessage,
  versionsOfCopy,
  type ActSummary,
  type VersionView,
} from '../../src/features/acts/acts';

const fill = (n: number, b: number) => new Uint8Array(n).fill(b);

describe('the message an act’s signers sign', () => {
  it('is the SCALE encoding of (genesis hash, act u32, version u32, text hash)', () => {
    const m = versionMessage(fill(32, 0x11), 5, 0x0102, fill(32, 0x22));
    expect(toHex(m)).toBe(`0x${'11'.repeat(32)}05000000${'02010000'}${'22'.repeat(32)}`);
    expect(() => versionMessage(fill(31, 0), 0, 0, fill(32, 0))).toThrow(RangeError);
  });
});

describe('ML-DSA-65 in the page', () => {
  // The demo signer's key, as the runtime's genesis (Rust `fips204`) registered it.
  const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'chain-specs', 'dev.json'), 'utf8'));
  const registered = spec.genesis.runtimeGenesis.patch.acts.keys[0][2] as number[] | string;
  const seed = blake2b(new TextEncoder().encode('veche-demo-signer-bob'), { dkLen: 32 });
  const { publicKey, secretKey } = ml_dsa65.keygen(seed);

  it('derives from the demo seed the very key the runtime registered (two implementations agree)', () => {
    const bytes = typeof registered === 'string' ? registered : toHex(Uint8Array.from(registered));
    expect(toHex(publicKey)).toBe(bytes);
  });

  it('verifies an act’s signature only with its key, message and context', () => {
    const message = versionMessage(fill(32, 1), 2, 0, fill(32, 3));
    const signature = ml_dsa65.sign(message, secretKey, { context: ACT_CONTEXT, extraEntropy: false });
    expect(verifyActSignature(publicKey, message, signature)).toBe(true);
    // Another version's message, a flipped bit, another key, the registration context: refused.
    expect(verifyActSignature(publicKey, versionMessage(fill(32, 1), 2, 1, fill(32, 3)), signature)).toBe(false);
    const flipped = signature.slice();
    flipped[100] ^= 1;
    expect(verifyActSignature(publicKey, message, flipped)).toBe(false);
    expect(verifyActSignature(ml_dsa65.keygen(fill(32, 9)).publicKey, message, signature)).toBe(false);
    const forKey = ml_dsa65.sign(message, secretKey, { context: KEY_CONTEXT, extraEntropy: false });
    expect(verifyActSignature(publicKey, message, forKey)).toBe(false);
    // Garbage of the wrong length is refused, not thrown.
    expect(verifyActSignature(publicKey, message, fill(10, 0))).toBe(false);
  });
});

describe('finding acts', () => {
  const act = (id: number, title: string, number?: { year: number; seq: number }): ActSummary => ({
    id, kind: 'Law', unit: 0, office: 0, title, number, state: 'InForce', versions: 1, tabled: 0,
  });
  const budget = act(1, 'Budget of the Republic of Veche for 2026', { year: 2026, seq: 2 });
  const bill = act(2, 'Birchwood: on the village green');

  it('matches words of the title in any case and order, the number either way round, and #id', () => {
    expect(matches(budget, '')).toBe(true);
    expect(matches(budget, 'veche BUDGET')).toBe(true);
    expect(matches(budget, 'budget green')).toBe(false);
    expect(matches(budget, '2/2026')).toBe(true);
    expect(matches(budget, '2026/2')).toBe(true);
    expect(matches(budget, '3/2026')).toBe(false);
    expect(matches(bill, '2/2026')).toBe(false);
    expect(matches(bill, '#2')).toBe(true);
    expect(matches(budget, '#2')).toBe(false);
  });

  it('tells which version a copy of the text is, by its BLAKE2b-256', () => {
    const text = new TextEncoder().encode('The budget, amended.');
    const v = (index: number, content: string): VersionView => ({ index, content, locator: '', proposed: 0, signers: 0 });
    expect(contentHash(new Uint8Array())).toBe('0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
    expect(versionsOfCopy([v(0, `0x${'00'.repeat(32)}`), v(1, contentHash(text))], text)).toEqual([1]);
    expect(versionsOfCopy([v(0, `0x${'00'.repeat(32)}`)], text)).toEqual([]);
  });

  it('reckons the block of a date from a known block at one block per slot, never below zero', () => {
    const known = { block: 1000, ms: 1_800_000_000_000 };
    expect(blockAt(known.ms, known, 6000)).toBe(1000);
    expect(blockAt(known.ms + 60_000, known, 6000)).toBe(1010);
    expect(blockAt(known.ms - 6_001, known, 6000)).toBe(998);
    expect(blockAt(0, known, 6000)).toBe(0);
  });
});
