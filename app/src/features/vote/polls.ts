// Polls as the chain keeps them, and casting a ballot: the ring of the poll's roll, the proof
// made in the Web Worker, the general transaction, and the check that the chain recorded it.
import type { PolkadotClient } from 'polkadot-api';
import type { Api } from '../../lib/chain.svelte';
import { fromHex, toHex } from '../../lib/bytes';
import { nextSequence, type PollKind } from '../../lib/ballot';
import { alias as proverAlias, proveBallot, type Progress } from '../../lib/prover';
import { GeneralError, submitGeneral } from '../../lib/general';
import { chainReader, findInSet, findRollRing, RingSearchError } from '../../lib/ring';

export type PollEntry = {
  id: number;
  context: string;
  kind: PollKind;
  roll: number;
  rollSize: number;
  start: number;
  end: number;
  /** The first block in which no territory can be excluded on appeal any more. */
  appealEnd: number;
  status: 'Ongoing' | 'Closed' | 'Purged';
  voters: number;
  excluded: number;
  /** The units whose registered persons vote. */
  units: number[];
  /** The weight of a ballot that proves no listed credential. */
  baseWeight: number;
  /** Credential classes that weigh a ballot, with their weights. */
  classWeights: [number, number][];
};

/** How many of the latest polls the list shows. */
export const RECENT_POLLS = 50;

type StoredPoll = NonNullable<Awaited<ReturnType<Api['query']['Ballots']['Polls']['getValue']>>>;

/** Poll `id` as stored, as the app shows it. */
function entryOf(id: number, p: StoredPoll): PollEntry {
  return {
    id,
    context: p.context,
    kind: p.kind as PollKind,
    roll: p.roll,
    rollSize: p.roll_size,
    start: p.start,
    end: p.end,
    appealEnd: p.appeal_end,
    status: p.status.type,
    voters: p.voters,
    excluded: p.excluded,
    units: p.electorate.units,
    baseWeight: p.electorate.base_weight,
    classWeights: p.electorate.class_weights,
  };
}

/** The latest polls, newest first (by id, not by scanning the whole map). */
export async function listPolls(api: Api): Promise<PollEntry[]> {
  const next = await api.query.Ballots.NextPollId.getValue();
  const ids = Array.from({ length: Math.min(next, RECENT_POLLS) }, (_, i) => next - 1 - i);
  const found = await Promise.all(ids.map(async (id) => ({ id, p: await api.query.Ballots.Polls.getValue(id) })));
  return found.filter((x): x is { id: number; p: StoredPoll } => x.p !== undefined).map(({ id, p }) => entryOf(id, p));
}

/** Poll `id`, if there is one. */
export async function pollEntry(api: Api, id: number): Promise<PollEntry | undefined> {
  const p = await api.query.Ballots.Polls.getValue(id);
  return p && entryOf(id, p);
}

/** The lengths of a party-list poll's lists (0 for a list not on this ballot). */
export async function listLengths(api: Api, poll: number): Promise<number[]> {
  return Array.from((await api.query.Ballots.PollLists.getValue(poll)) ?? []);
}

export async function results(api: Api, poll: number) {
  return api.view.Ballots.results(poll);
}

/** The voter's alias in the poll (made in the worker: the secret never leaves it). */
export async function aliasIn(seed: Uint8Array, poll: PollEntry): Promise<string> {
  return toHex(await proverAlias(seed, fromHex(poll.context)));
}

export async function ballotOf(api: Api, poll: number, alias: string) {
  return api.view.Ballots.ballot_of(poll, alias);
}

export class CastError extends Error {}

/**
 * The credential ring of `class` that holds `member` in the poll's roll, found by reading the
 * class's rings in turn and looking for the key here (the node is not told which key).
 */
export async function credentialRing(api: Api, credentialClass: number, member: Uint8Array, roll: number) {
  const set = { type: 'Credential' as const, value: credentialClass };
  const found = await findInSet(chainReader(api), set, roll, toHex(member), undefined, 1000);
  return found && { ring: { set, index: found.index, revision: found.revision }, members: found.members };
}

export type Stage = Progress | { stage: 'submitting' };

/** Proves and casts a ballot of `choice`; resolves once a finalized block recorded it. */
export async function cast(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  poll: PollEntry,
  choice: number[],
  progress: (s: Stage) => void,
  credentialClass?: number,
): Promise<{ sequence: number; block: string; ms: number; recorded: boolean }> {
  // The ring of the poll's roll (each ring's revision current when the poll was created) that
  // holds the key, found without telling the node the key (see lib/ring.ts).
  let found;
  try {
    found = await findRollRing(chainReader(api), member, poll.roll, poll.units);
  } catch (e) {
    throw e instanceof RingSearchError ? new CastError(e.message) : e;
  }
  if (!found) throw new CastError('not-in-poll-rings');
  const { set, index, revision, members } = found;
  const capacity = await api.constants.Personhood.RingCapacity();
  const alias = await aliasIn(seed, poll);
  const sequence = nextSequence(await ballotOf(api, poll.id, alias));
  const proof = await proveBallot(
    { seed, ring: members.map(fromHex), capacity, context: fromHex(poll.context), poll: poll.id, choice, sequence },
    progress,
  );
  // A weighted ballot carries a second proof, over the credential ring, signing the same ballot.
  let credential: [{ set: { type: 'Credential'; value: number }; index: number; revision: number }, Uint8Array] | undefined;
  if (credentialClass !== undefined) {
    const found = await credentialRing(api, credentialClass, member, poll.roll);
    if (!found) throw new CastError('no-credential');
    const second = await proveBallot(
      { seed, ring: found.members.map(fromHex), capacity, context: fromHex(poll.context), poll: poll.id, choice, sequence },
      progress,
    );
    credential = [found.ring, second.proof];
  }
  progress({ stage: 'submitting' });
  const call = await api.tx.Ballots.cast({
    ballot: {
      poll: poll.id,
      choice: Uint8Array.from(choice),
      sequence,
      ring: { set, index, revision },
      proof: proof.proof,
      credential,
    },
  }).getEncodedData();
  // The pool's verdict on a refusal: a ballots error by name, as the pallet documents it.
  let block: string;
  try {
    block = await submitGeneral(client, call, 'Ballots', true);
  } catch (e) {
    throw e instanceof GeneralError ? new CastError(e.message) : e;
  }
  // The end of that block verified the proof with the others: recorded, or dropped.
  const recorded = await ballotOf(api, poll.id, alias);
  return { sequence, block, ms: Math.round(proof.ms), recorded: recorded?.sequence === sequence };
}

export type TerritoryTally = { id: number; name: string; ballots: number; options: bigint[]; excluded: boolean };

/** Each territory's tally of a poll (excluded territories marked), by name. */
export async function territories(api: Api, poll: number): Promise<TerritoryTally[]> {
  const [tallies, excluded] = await Promise.all([
    api.query.Ballots.Tallies.getEntries(poll),
    api.query.Ballots.Excluded.getEntries(poll),
  ]);
  const out = new Set(excluded.map((e) => e.keyArgs[1]));
  return Promise.all(
    tallies.map(async ({ keyArgs: [, id], value }) => {
      const unit = await api.query.Jurisdictions.Units.getValue(id);
      return {
        id,
        name: unit ? new TextDecoder().decode(unit.name) : `#${id}`,
        ballots: value.ballots,
        options: value.options.map((o) => BigInt(o)),
        excluded: out.has(id),
      };
    }),
  );
}

export type Audit =
  | { kind: 'none' }
  | { kind: 'running'; ballots: number; territories: number; mismatches: number }
  | { kind: 'done'; at: number; ballots: number; territories: number; mismatches: number };

/** The poll's on-chain recount: in progress, or the verdict of the last one. */
export async function audit(api: Api, poll: number): Promise<Audit> {
  const [running, verdict] = await Promise.all([
    api.query.Ballots.Recounts.getValue(poll),
    api.query.Ballots.RecountVerdicts.getValue(poll),
  ]);
  if (running) return { kind: 'running', ballots: running.ballots, territories: running.territories, mismatches: running.mismatches };
  if (verdict) return { kind: 'done', ...verdict };
  return { kind: 'none' };
}
