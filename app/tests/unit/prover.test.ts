// The browser build of veche-prover (public/prover.wasm, from app/scripts/build-prover.sh),
// loaded in Node as the Web Worker loads it.
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2b } from '@noble/hashes/blake2.js';
import { loadProver, ProverError, PROOF_LEN, type Prover } from '../../src/lib/prover/abi';
import { equal, toHex } from '../../src/lib/bytes';

const wasm = new URL('../../public/prover.wasm', import.meta.url);
const spec = new URL('../../../chain-specs/dev.json', import.meta.url);

/** A demo person's secret, as veche-client's `Secret::demo(n)` derives it. */
const demo = (n: number) => blake2b(new TextEncoder().encode(`veche-demo-person-${n}`), { dkLen: 32 });

let prover: Prover;
let randomCalls = 0;
beforeAll(async () => {
  prover = await loadProver(readFileSync(wasm), (buf) => {
    randomCalls++;
    webcrypto.getRandomValues(buf as Uint8Array<ArrayBuffer>);
  });
});

describe('prover.wasm', () => {
  it('derives the demo persons keys that the native genesis builder registered', () => {
    const people = JSON.parse(readFileSync(spec, 'utf8')).genesis.runtimeGenesis.patch.personhood.people as [
      number[],
      number[],
    ][];
    const registered = new Set(people.map(([, member]) => toHex(Uint8Array.from(member))));
    for (const n of [1, 2, 3]) expect(registered.has(toHex(prover.member(demo(n))))).toBe(true);
    expect(registered.has(toHex(prover.member(new Uint8Array(32).fill(9))))).toBe(false);
  });

  it('proves a ballot with fresh randomness, the same alias each time, for members only', () => {
    const ring = [1, 2, 3].map((n) => prover.member(demo(n)));
    const context = new Uint8Array(32).fill(7);
    const input = { seed: demo(2), ring, capacity: 255, context, poll: 3, choice: [1], sequence: 1 };
    const before = randomCalls;
    const a = prover.proveBallot(input);
    const b = prover.proveBallot(input);
    expect(a.proof.length).toBe(PROOF_LEN);
    expect(randomCalls).toBeGreaterThan(before);
    // Blinded: two proofs differ; the alias is the person's in this context, and only there.
    expect(equal(a.proof, b.proof)).toBe(false);
    expect(toHex(a.alias)).toBe(toHex(b.alias));
    expect(toHex(a.alias)).toBe(toHex(prover.alias(demo(2), context)));
    expect(toHex(a.alias)).not.toBe(toHex(prover.alias(demo(2), new Uint8Array(32).fill(8))));
    expect(() => prover.proveBallot({ ...input, seed: demo(9) })).toThrow(ProverError);
    expect(() => prover.proveBallot({ ...input, seed: demo(9) })).toThrow('not-in-ring');
    expect(() => prover.proveBallot({ ...input, context: new Uint8Array(31) })).toThrow('bad-input');
    // Proving takes seconds on a loaded 2-core machine: a ceiling, not a speed test.
  }, 180_000);

  it('proves any message (a jury enrolment) in a context, with the alias of that context', () => {
    const ring = [1, 2, 3].map((n) => prover.member(demo(n)));
    const context = new Uint8Array(32).fill(5);
    const message = new TextEncoder().encode('veche/jury-enrol\x03\x00\x00\x00');
    const input = { seed: demo(3), ring, capacity: 255, context, message };
    const a = prover.prove(input);
    expect(a.proof.length).toBe(PROOF_LEN);
    expect(toHex(a.alias)).toBe(toHex(prover.alias(demo(3), context)));
    expect(() => prover.prove({ ...input, seed: demo(9) })).toThrow('not-in-ring');
    expect(() => prover.prove({ ...input, context: new Uint8Array(31) })).toThrow('bad-input');
  }, 180_000);
});
