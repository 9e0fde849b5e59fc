// Juries by lot as the chain shows them, and what a volunteer does from this device: enrol in a
// jury's pool (proofs of their constituency's ring and of their credential, in the jury's own
// context, made here; no account, no fee) and accept a summons after the draw. The jury's vote
// happens on the vote page: its poll takes exactly the seated jurors' aliases.
import type { PolkadotClient } from 'polkadot-api';
import type { Api } from '../../lib/chain.svelte';
import { concat, fromHex, toHex } from '../../lib/bytes';
import { chainReader, findRollRing, RingSearchError } from '../../lib/ring';
import { submitGeneral, GeneralError } from '../../lib/general';
import { alias as proverAlias, prove, type Progress } from '../../lib/prover';
import { credentialRing } from '../vote/polls';

const ascii = (s: string) => new TextEncoder().encode(s);
const u32le = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

/** What an enrolment's proofs sign (`veche_prover::jury_enrol_message`). */
export function enrolMessage(jury: number): Uint8Array {
  return concat(ascii('veche/jury-enrol'), u32le(jury));
}

/** What an acceptance's proof signs (`veche_prover::jury_accept_message`). */
export function acceptMessage(jury: number): Uint8Array {
  return concat(ascii('veche/jury-accept'), u32le(jury));
}

export type Stage =
  | { type: 'Enrolling' }
  | { type: 'Drawing'; stratum: number }
  | { type: 'Seating' }
  | { type: 'Voting'; poll: number }
  | { type: 'Decided'; adopted: boolean; poll: number }
  | { type: 'Failed' }
  | { type: 'Cancelled' };

export type JuryEntry = {
  id: number;
  act: number;
  version: number;
  unit: number;
  size: number;
  credential?: number;
  context: string;
  roll: number;
  freeze: number;
  acceptance: number;
  voting: number;
  volunteers: number;
  pending: number;
  seated: number;
  stage: Stage;
  draw?: { epoch: bigint; randomness: string; relayBlock: number; source: 'Relay' | 'Mock'; seed: string };
};

type Raw = { type: string; value?: unknown };

/** The stage as the chain encodes it (`JuryStage`), flattened. */
export function stageOf(raw: Raw): Stage {
  const v = (raw.value ?? {}) as { stratum?: number; poll?: number; adopted?: boolean };
  switch (raw.type) {
    case 'Drawing':
      return { type: 'Drawing', stratum: v.stratum ?? 0 };
    case 'Voting':
      return { type: 'Voting', poll: v.poll ?? 0 };
    case 'Decided':
      return { type: 'Decided', adopted: v.adopted ?? false, poll: v.poll ?? 0 };
    case 'Seating':
    case 'Failed':
    case 'Cancelled':
      return { type: raw.type };
    default:
      return { type: 'Enrolling' };
  }
}

/** Whether a volunteer may still enrol at block `now`. */
export function enrolling(j: JuryEntry, now: number): boolean {
  return j.stage.type === 'Enrolling' && now < j.freeze;
}

/** Every jury, newest first. */
export async function listJuries(api: Api): Promise<JuryEntry[]> {
  const entries = await api.query.Juries.Juries.getEntries();
  return entries
    .map(({ keyArgs: [id], value: j }) => ({
      id,
      act: j.act,
      version: j.version,
      unit: j.unit,
      size: j.size,
      credential: j.credential,
      context: j.context,
      roll: j.roll,
      freeze: j.freeze,
      acceptance: j.acceptance,
      voting: j.voting,
      volunteers: j.volunteers,
      pending: j.pending,
      seated: j.seated,
      stage: stageOf(j.stage as Raw),
      draw: j.draw && {
        epoch: j.draw.relay.epoch,
        randomness: j.draw.relay.randomness,
        relayBlock: j.draw.relay.relay_block,
        source: j.draw.source.type,
        seed: j.draw.seed,
      },
    }))
    .sort((a, b) => b.id - a.id);
}

/** The volunteer's alias in a jury: what the pool, the summons and the jury's poll know them by. */
export async function aliasInJury(seed: Uint8Array, jury: JuryEntry): Promise<string> {
  return toHex(await proverAlias(seed, fromHex(jury.context)));
}

export type Summons = { stratum: number; position: number; deadline: number; status: 'Summoned' | 'Seated' | 'Lapsed' };

/** The summons of `alias` in `jury`, if it was drawn. */
export async function summonsOf(api: Api, jury: number, alias: string): Promise<Summons | undefined> {
  const s = await api.view.Juries.summons_of(jury, alias);
  return s && { stratum: s.stratum, position: s.position, deadline: s.deadline, status: s.status.type };
}

/** Whether `alias` enrolled in `jury`. */
export async function enrolled(api: Api, jury: number, alias: string): Promise<boolean> {
  return (await api.query.Juries.Enrolled.getValue(jury, alias)) !== undefined;
}

export class JuryError extends Error {}

/** A proof by the key of `seed` of its ring in the jury's roll, over `message`. */
async function proveIn(
  api: Api,
  seed: Uint8Array,
  member: Uint8Array,
  jury: JuryEntry,
  message: Uint8Array,
  progress: (p: Progress) => void,
) {
  let found;
  try {
    found = await findRollRing(chainReader(api), member, jury.roll, [jury.unit]);
  } catch (e) {
    throw e instanceof RingSearchError ? new JuryError(e.message) : e;
  }
  if (!found) throw new JuryError('not-in-jury-rings');
  const capacity = await api.constants.Personhood.RingCapacity();
  const context = fromHex(jury.context);
  const proof = await prove({ seed, ring: found.members.map(fromHex), capacity, context, message }, progress);
  return { ring: { set: found.set, index: found.index, revision: found.revision }, proof, capacity, context };
}

/** Enrols the key of `seed` in `jury` (its credential proven too when the jury asks for one). */
export async function enrol(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  jury: JuryEntry,
  progress: (p: Progress | { stage: 'submitting' }) => void,
): Promise<string> {
  const message = enrolMessage(jury.id);
  const own = await proveIn(api, seed, member, jury, message, progress);
  let credential: [{ set: { type: 'Credential'; value: number }; index: number; revision: number }, Uint8Array] | undefined;
  if (jury.credential !== undefined) {
    const found = await credentialRing(api, jury.credential, member, jury.roll);
    if (!found) throw new JuryError('no-credential');
    const second = await prove(
      { seed, ring: found.members.map(fromHex), capacity: own.capacity, context: own.context, message },
      progress,
    );
    credential = [found.ring, second.proof];
  }
  progress({ stage: 'submitting' });
  const call = await api.tx.Juries.enrol({ jury: jury.id, ring: own.ring, proof: own.proof.proof, credential }).getEncodedData();
  try {
    return await submitGeneral(client, call, 'Juries');
  } catch (e) {
    throw e instanceof GeneralError ? new JuryError(e.message) : e;
  }
}

/** Accepts the summons of the key of `seed` in `jury`. */
export async function accept(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  jury: JuryEntry,
  progress: (p: Progress | { stage: 'submitting' }) => void,
): Promise<string> {
  const own = await proveIn(api, seed, member, jury, acceptMessage(jury.id), progress);
  progress({ stage: 'submitting' });
  const call = await api.tx.Juries.accept({ jury: jury.id, ring: own.ring, proof: own.proof.proof }).getEncodedData();
  try {
    return await submitGeneral(client, call, 'Juries');
  } catch (e) {
    throw e instanceof GeneralError ? new JuryError(e.message) : e;
  }
}

/** The bytes of `b`, for tests and display. */
export const hex = (b: Uint8Array) => toHex(b);
