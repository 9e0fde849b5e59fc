// Messages between the page and the prover's Web Worker.
import type { BallotInput, ProofInput, ReadInput, SealInput } from './abi';

export type Request = { id: number; wasmUrl: string } & (
  | { op: 'member'; seed: Uint8Array }
  | { op: 'alias'; seed: Uint8Array; context: Uint8Array }
  | { op: 'proveBallot'; input: BallotInput }
  | { op: 'prove'; input: ProofInput }
  | { op: 'profileKeySeed'; seed: Uint8Array }
  | { op: 'sealChoice'; input: SealInput }
  | { op: 'readChoice'; input: ReadInput }
  | { op: 'opening'; seed: Uint8Array; binding: Uint8Array; option: number }
);

export type Progress = { stage: 'loading'; loaded: number; total: number } | { stage: 'proving' };

export type Response =
  | { id: number; progress: Progress }
  | { id: number; result: Record<string, Uint8Array>; ms: number }
  | { id: number; error: string };
