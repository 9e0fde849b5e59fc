// The page's side of the prover: one Web Worker, requests answered in order, progress reported.
import type { BallotInput, ProofInput, ReadInput, SealInput } from './abi';
import type { Progress, Request, Response } from './protocol';

type Pending = {
  resolve: (r: { result: Record<string, Uint8Array>; ms: number }) => void;
  reject: (e: Error) => void;
  progress?: (p: Progress) => void;
};

let worker: Worker | undefined;
let next = 1;
const pending = new Map<number, Pending>();

function start(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<Response>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if ('progress' in m) p.progress?.(m.progress);
    else {
      pending.delete(m.id);
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m);
    }
  };
  return w;
}

// Omit over a union, member by member.
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function ask(req: DistributiveOmit<Request, 'id' | 'wasmUrl'>, progress?: (p: Progress) => void) {
  worker ??= start();
  const id = next++;
  const wasmUrl = new URL('prover.wasm', document.baseURI).href;
  return new Promise<{ result: Record<string, Uint8Array>; ms: number }>((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker!.postMessage({ ...req, id, wasmUrl });
  });
}

/** The public ring key of a secret. */
export async function member(seed: Uint8Array): Promise<Uint8Array> {
  return (await ask({ op: 'member', seed })).result.member;
}

/** The alias of a secret in a poll's context. */
export async function alias(seed: Uint8Array, context: Uint8Array): Promise<Uint8Array> {
  return (await ask({ op: 'alias', seed, context })).result.alias;
}

/** A ballot's proof and the voter's alias, with the time the proof took in the worker. */
export async function proveBallot(input: BallotInput, progress?: (p: Progress) => void) {
  const { result, ms } = await ask({ op: 'proveBallot', input }, progress);
  return { proof: result.proof, alias: result.alias, ms };
}

/** Any other proof (an enrolment in a jury, an acceptance) and the alias it yields. */
export async function prove(input: ProofInput, progress?: (p: Progress) => void) {
  const { result, ms } = await ask({ op: 'prove', input }, progress);
  return { proof: result.proof, alias: result.alias, ms };
}

/** The sr25519 mini secret of the person's profile key (it signs the profile's calls). */
export async function profileKeySeed(seed: Uint8Array): Promise<Uint8Array> {
  return (await ask({ op: 'profileKeySeed', seed })).result.seed;
}

/** A consultation answer sealed to the trustees' key: the `sealed` argument of `Consultations.answer`. */
export async function sealChoice(input: SealInput): Promise<Uint8Array> {
  return (await ask({ op: 'sealChoice', input })).result.sealed;
}

/** The option the person's stored answer chose, or `null` if it was not sealed with their secret. */
export async function readChoice(input: ReadInput): Promise<number | null> {
  const { choice } = (await ask({ op: 'readChoice', input })).result;
  return choice.length === 1 ? choice[0] : null;
}

/** The opening of `option` of the person's answer (for `Consultations.claim_agreement`). */
export async function opening(seed: Uint8Array, binding: Uint8Array, option: number): Promise<Uint8Array> {
  return (await ask({ op: 'opening', seed, binding, option })).result.opening;
}

export type { Progress, ReadInput, SealInput };
