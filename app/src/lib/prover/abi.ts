// The C ABI of veche-prover's WebAssembly build (prover/src/browser.rs): the same Rust code that
// makes veche-client's proofs. Used by the Web Worker in the browser and by the unit tests in
// Node; nothing here touches the DOM.

/** Return codes of the module's functions (browser.rs). */
export const enum Code {
  Ok = 0,
  NotInRing = 1,
  RingTooLarge = 2,
  Failed = 3,
  BadInput = 4,
  /** The stored answer was not sealed with this secret and binding. */
  NotMine = 5,
  /** The trustees' key, the number of options or the choice was refused. */
  BadSeal = 6,
}

/** Why the prover refused, by the module's return code. */
export class ProverError extends Error {
  constructor(readonly code: number) {
    super(
      code === Code.NotInRing
        ? 'not-in-ring'
        : code === Code.RingTooLarge
          ? 'ring-too-large'
          : code === Code.BadInput
            ? 'bad-input'
            : code === Code.NotMine
              ? 'not-mine'
              : code === Code.BadSeal
                ? 'bad-seal'
                : 'prover-failed',
    );
  }
}

/** The length of a proof for one context. */
export const PROOF_LEN = 785;

/** What a ballot's proof needs. */
export interface BallotInput {
  seed: Uint8Array;
  /** The ring's members, 32 bytes each, in the chain's order. */
  ring: Uint8Array[];
  /** The chain's ring capacity (Personhood.RingCapacity): it fixes the ring-VRF domain. */
  capacity: number;
  /** The poll's 32-byte context. */
  context: Uint8Array;
  poll: number;
  choice: number[];
  sequence: number;
}

/** What any other proof needs: a ring, a 32-byte context and the message the proof signs. */
export interface ProofInput {
  seed: Uint8Array;
  /** The ring's members, 32 bytes each, in the chain's order. */
  ring: Uint8Array[];
  /** The chain's ring capacity: it fixes the ring-VRF domain. */
  capacity: number;
  context: Uint8Array;
  message: Uint8Array;
}

/** The length of a sealed answer of `options` options (browser.rs `sealed_len`). */
export const sealedLen = (options: number) => 1 + 64 * options + 1 + 128 * options + 64;

/**
 * A sealed answer to a consultation: the person's ring secret (the seal secret is derived from it
 * in the module), the trustees' 32-byte public key, the options and the chosen one (0-based), and
 * the bytes the proofs are bound to (`answerBinding`).
 */
export interface SealInput {
  seed: Uint8Array;
  pk: Uint8Array;
  options: number;
  choice: number;
  binding: Uint8Array;
}

/** A stored answer to read back: its ciphertexts (64 bytes each, `a` then `b`) in option order. */
export interface ReadInput {
  seed: Uint8Array;
  pk: Uint8Array;
  ciphertexts: Uint8Array[];
  binding: Uint8Array;
}

export interface Prover {
  member(seed: Uint8Array): Uint8Array;
  alias(seed: Uint8Array, context: Uint8Array): Uint8Array;
  proveBallot(input: BallotInput): { proof: Uint8Array; alias: Uint8Array };
  prove(input: ProofInput): { proof: Uint8Array; alias: Uint8Array };
  /** The sr25519 mini secret of the person's profile key. */
  profileKeySeed(seed: Uint8Array): Uint8Array;
  /** The `sealed` argument of `Consultations.answer`: SCALE `(Vec<Ciphertext>, Vec<BitProof>, Dleq)`. */
  sealChoice(input: SealInput): Uint8Array;
  /** The option a stored answer chose, or `null` when it was not sealed with this secret and binding. */
  readChoice(input: ReadInput): number | null;
  /** The 32-byte opening of one option of the person's answer (`Consultations.claim_agreement`). */
  opening(seed: Uint8Array, binding: Uint8Array, option: number): Uint8Array;
}

interface Exports {
  memory: WebAssembly.Memory;
  veche_alloc(len: number): number;
  veche_free(ptr: number, len: number): void;
  veche_member(seed: number, out: number): number;
  veche_alias(seed: number, context: number, contextLen: number, out: number): number;
  veche_prove_ballot(
    seed: number,
    ring: number,
    members: number,
    capacity: number,
    context: number,
    poll: number,
    choice: number,
    choiceLen: number,
    sequence: number,
    out: number,
  ): number;
  veche_prove(
    seed: number,
    ring: number,
    members: number,
    capacity: number,
    context: number,
    message: number,
    messageLen: number,
    out: number,
  ): number;
  veche_profile_key_seed(seed: number, out: number): number;
  veche_seal_choice(seed: number, pk: number, options: number, choice: number, binding: number, bindingLen: number, out: number): number;
  veche_read_choice(seed: number, pk: number, ciphertexts: number, options: number, binding: number, bindingLen: number, out: number): number;
  veche_opening(seed: number, binding: number, bindingLen: number, option: number, out: number): number;
}

/** Instantiates the module from its bytes; `random` fills a buffer with secure randomness. */
export async function loadProver(
  bytes: BufferSource,
  random: (buf: Uint8Array) => void,
): Promise<Prover> {
  let memory: WebAssembly.Memory | undefined;
  const imports = {
    veche: {
      random: (ptr: number, len: number) => random(new Uint8Array(memory!.buffer, ptr, len)),
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  const x = instance.exports as unknown as Exports;
  memory = x.memory;

  // Every call copies its inputs into fresh buffers and frees them after, the secret included
  // (overwritten with zeros first).
  const call = <T>(inputs: Uint8Array[], outLen: number, f: (ptrs: number[], out: number) => number, read: (out: Uint8Array) => T): T => {
    const ptrs = inputs.map((b) => {
      const p = x.veche_alloc(b.length);
      new Uint8Array(x.memory.buffer, p, b.length).set(b);
      return p;
    });
    const out = x.veche_alloc(outLen);
    try {
      const code = f(ptrs, out);
      if (code !== Code.Ok) throw new ProverError(code);
      return read(new Uint8Array(x.memory.buffer, out, outLen).slice());
    } finally {
      inputs.forEach((b, i) => {
        new Uint8Array(x.memory.buffer, ptrs[i], b.length).fill(0);
        x.veche_free(ptrs[i], b.length);
      });
      x.veche_free(out, outLen);
    }
  };
  const seed32 = (seed: Uint8Array) => {
    if (seed.length !== 32) throw new ProverError(Code.BadInput);
    return seed;
  };

  return {
    member: (seed) => call([seed32(seed)], 32, ([s], out) => x.veche_member(s, out), (o) => o),
    alias: (seed, context) =>
      call([seed32(seed), context], 32, ([s, c], out) => x.veche_alias(s, c, context.length, out), (o) => o),
    proveBallot: (b) => {
      if (b.context.length !== 32 || b.ring.some((m) => m.length !== 32)) throw new ProverError(Code.BadInput);
      const ring = new Uint8Array(32 * b.ring.length);
      b.ring.forEach((m, i) => ring.set(m, 32 * i));
      const choice = Uint8Array.from(b.choice);
      return call(
        [seed32(b.seed), ring, b.context, choice],
        PROOF_LEN + 32,
        ([s, r, c, ch], out) =>
          x.veche_prove_ballot(s, r, b.ring.length, b.capacity, c, b.poll, ch, choice.length, b.sequence, out),
        (o) => ({ proof: o.slice(0, PROOF_LEN), alias: o.slice(PROOF_LEN) }),
      );
    },
    prove: (b) => {
      if (b.context.length !== 32 || b.ring.some((m) => m.length !== 32)) throw new ProverError(Code.BadInput);
      const ring = new Uint8Array(32 * b.ring.length);
      b.ring.forEach((m, i) => ring.set(m, 32 * i));
      return call(
        [seed32(b.seed), ring, b.context, b.message],
        PROOF_LEN + 32,
        ([s, r, c, m], out) => x.veche_prove(s, r, b.ring.length, b.capacity, c, m, b.message.length, out),
        (o) => ({ proof: o.slice(0, PROOF_LEN), alias: o.slice(PROOF_LEN) }),
      );
    },
    profileKeySeed: (seed) => call([seed32(seed)], 32, ([s], out) => x.veche_profile_key_seed(s, out), (o) => o),
    sealChoice: (b) => {
      const byte = (n: number) => Number.isInteger(n) && n >= 0 && n <= 255;
      if (b.pk.length !== 32 || !byte(b.options) || !byte(b.choice)) throw new ProverError(Code.BadInput);
      return call(
        [seed32(b.seed), b.pk, b.binding],
        sealedLen(b.options),
        ([s, k, bd], out) => x.veche_seal_choice(s, k, b.options, b.choice, bd, b.binding.length, out),
        (o) => o,
      );
    },
    readChoice: (b) => {
      if (b.pk.length !== 32 || b.ciphertexts.some((c) => c.length !== 64)) throw new ProverError(Code.BadInput);
      const cts = new Uint8Array(64 * b.ciphertexts.length);
      b.ciphertexts.forEach((c, i) => cts.set(c, 64 * i));
      try {
        return call(
          [seed32(b.seed), b.pk, cts, b.binding],
          1,
          ([s, k, c, bd], out) => x.veche_read_choice(s, k, c, b.ciphertexts.length, bd, b.binding.length, out),
          (o) => o[0],
        );
      } catch (e) {
        if (e instanceof ProverError && e.code === Code.NotMine) return null;
        throw e;
      }
    },
    opening: (seed, binding, option) => {
      if (!Number.isInteger(option) || option < 0 || option > 255) throw new ProverError(Code.BadInput);
      return call(
        [seed32(seed), binding],
        32,
        ([s, bd], out) => x.veche_opening(s, bd, binding.length, option, out),
        (o) => o,
      );
    },
  };
}
