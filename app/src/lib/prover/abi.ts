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

export interface Prover {
  member(seed: Uint8Array): Uint8Array;
  alias(seed: Uint8Array, context: Uint8Array): Uint8Array;
  proveBallot(input: BallotInput): { proof: Uint8Array; alias: Uint8Array };
  prove(input: ProofInput): { proof: Uint8Array; alias: Uint8Array };
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
  };
}
