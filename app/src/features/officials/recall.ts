// An official's ratings and recall as the chain shows them (the `Ratings` and `Recall` view
// functions), and what anyone may do about them: rate the official, sign or withdraw from a
// petition, vote in a confidence vote — ballots, proven in the Web Worker and cast as the vote
// screen casts them — and open a period, a petition or a recall, or move a procedure on: feeless
// general transactions the runtime authorizes itself, with no account.
import type { PolkadotClient } from 'polkadot-api';
import type { PolkadotSigner } from 'polkadot-api/signer';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import type { Api } from '../../lib/chain.svelte';
import { toHex } from '../../lib/bytes';
import { dispatchErrorText, submitGeneral } from '../../lib/general';
import { cast, pollEntry, type Stage } from '../vote/polls';
import { ratingChoice, type PeriodView, type RecallRules } from './ratings';

type RawPeriod = NonNullable<Awaited<ReturnType<Api['view']['Ratings']['period']>>>;
type RawProcedure = NonNullable<Awaited<ReturnType<Api['view']['Recall']['procedure']>>>;

function periodOf(p: RawPeriod): PeriodView {
  return {
    office: p.office,
    period: p.period,
    poll: p.poll,
    start: p.start,
    end: p.end,
    closed: p.closed,
    roll_size: p.roll_size,
    raters: p.raters,
    approvals: p.approvals,
    disapprovals: p.disapprovals,
    approval: p.approval,
    turnout: p.turnout,
    spheres: p.spheres.map((s) => ({ sphere: s.sphere.type, histogram: [...s.histogram] })),
  };
}

export type Trigger =
  | { type: 'Rating'; period: number; approvals: bigint; disapprovals: bigint; raters: number; rollSize: number }
  | { type: 'Petition'; poll: number; signatures: bigint; rollSize: number };

export type ProcedureStage =
  | { type: 'Notice' }
  | { type: 'Voting'; poll: number; end: number; appealEnd: number; remove: bigint; keep: bigint; ballots: number; rollSize: number }
  | { type: 'Ended'; outcome: 'Removed' | 'Stayed' | 'Left'; at: number };

export type ProcedureView = {
  id: number;
  office: number;
  trigger: Trigger;
  rules: RecallRules;
  noticed: number;
  responseEnd: number;
  response?: { document: string; fixes: number[]; at: number };
  stage: ProcedureStage;
};

async function procedureOf(api: Api, id: number, p: RawProcedure): Promise<ProcedureView> {
  const t = p.trigger;
  const trigger: Trigger =
    t.type === 'Rating'
      ? { type: 'Rating', period: t.value.period, approvals: t.value.approvals, disapprovals: t.value.disapprovals, raters: t.value.raters, rollSize: t.value.roll_size }
      : { type: 'Petition', poll: t.value.poll, signatures: t.value.signatures, rollSize: t.value.roll_size };
  let stage: ProcedureStage;
  if (p.stage.type === 'Voting') {
    const poll = p.stage.value.poll;
    const [entry, tally] = await Promise.all([pollEntry(api, poll), api.view.Ballots.results(poll)]);
    stage = {
      type: 'Voting',
      poll,
      end: entry?.end ?? 0,
      appealEnd: entry?.appealEnd ?? 0,
      remove: tally?.options[0] ?? 0n,
      keep: tally?.options[1] ?? 0n,
      ballots: tally?.ballots ?? 0,
      rollSize: entry?.rollSize ?? 0,
    };
  } else if (p.stage.type === 'Ended') {
    stage = { type: 'Ended', outcome: p.stage.value.outcome.type, at: p.stage.value.at };
  } else {
    stage = { type: 'Notice' };
  }
  return {
    id,
    office: p.office,
    trigger,
    rules: p.rules,
    noticed: p.noticed,
    responseEnd: p.response_end,
    response: p.response && { document: p.response.document, fixes: p.response.fixes, at: p.response.at },
    stage,
  };
}

/** Everything the app shows of one official in one office. */
export type OfficialRecord = {
  who: string;
  office: number;
  /** The office's spheres (one bit each): what a period opened now would rate. */
  spheres: number;
  /** The current period and its blocks (first, first after). */
  current: { period: number; start: number; end: number };
  /** The length of a period in blocks, and the number of the period block 0 lies in. */
  periodLength: number;
  firstPeriod: number;
  /** Closed periods kept, oldest first. */
  history: PeriodView[];
  /** The current period, once opened (its counts so far). */
  live?: PeriodView;
  /** The period before, opened but not closed yet. */
  previous?: PeriodView;
  /** When the official took the seat, if they serve now. */
  since?: number;
  rules: RecallRules;
  /** When the last procedure against them here ended, and the period that started one last. */
  lastEnded?: number;
  usedPeriod?: number;
  /** The latest petition (open while the block is before its end), with its signatures so far. */
  petition?: { poll: number; end: number; signatures: bigint; rollSize: number };
  /** The running procedure. */
  procedure?: ProcedureView;
  /** Every procedure against them in this office, oldest first. */
  record: ProcedureView[];
};

export async function officialRecord(api: Api, who: string, office: number): Promise<OfficialRecord> {
  const [[period, start, end], history, [running, petition, rules], record, holders, stored, last, periodLength, firstPeriod] = await Promise.all([
    api.view.Ratings.current_period(),
    api.view.Ratings.history(who, office),
    api.view.Recall.status(office, who),
    api.view.Recall.record(who),
    api.view.Elections.holders(office),
    api.query.Jurisdictions.Offices.getValue(office),
    api.query.Recall.Last.getValue(office, who),
    api.constants.Ratings.Period(),
    api.constants.Ratings.FirstPeriod(),
  ]);
  const closed = new Set(history.map((p) => p.period));
  const [live, previous, petitionView, procedures] = await Promise.all([
    api.view.Ratings.period(who, office, period),
    period > 0 && !closed.has(period - 1) ? api.view.Ratings.period(who, office, period - 1) : undefined,
    petition &&
      Promise.all([api.view.Ballots.results(petition.poll), pollEntry(api, petition.poll)]).then(([tally, entry]) => ({
        ...petition,
        signatures: tally?.options[0] ?? 0n,
        rollSize: entry?.rollSize ?? 0,
      })),
    Promise.all(record.filter(([, p]) => p.office === office).map(([id, p]) => procedureOf(api, id, p))),
  ]);
  return {
    who,
    office,
    spheres: stored?.spheres ?? 0,
    current: { period, start, end },
    periodLength,
    firstPeriod,
    history: history.map(periodOf),
    live: live && periodOf(live),
    previous: previous && !previous.closed ? periodOf(previous) : undefined,
    since: holders.find((h) => h.seat.who === who)?.since,
    rules,
    lastEnded: last[0],
    usedPeriod: last[1],
    petition: petitionView,
    procedure: procedures.find((p) => p.id === running),
    record: procedures,
  };
}

/** What the list of an office's holders says of each: the last closed period's approval, and a recall under way. */
export type HolderSummary = { period?: number; approval?: number; sides: boolean; procedure?: number; petitionEnd?: number };

export async function holderSummary(api: Api, who: string, office: number): Promise<HolderSummary> {
  const [history, [running, petition]] = await Promise.all([api.view.Ratings.history(who, office), api.view.Recall.status(office, who)]);
  const last = history.at(-1);
  return {
    period: last?.period,
    approval: last?.approval,
    sides: last !== undefined && last.approvals + last.disapprovals > 0n,
    procedure: running,
    petitionEnd: petition?.end,
  };
}

/** A step of an action: opening the period or petition first, then the ballot's stages. */
export type ActionStage = Stage | { stage: 'opening' };

export class RecallError extends Error {}

/** The block the chain is at (the block the pool checks a transaction against). */
const blockNow = (api: Api) => api.query.System.Number.getValue({ at: 'best' });

/**
 * Opens what `open` opens unless `exists` finds it already there (someone may open it at the
 * same time: then their opening serves).
 */
async function ensureOpen<T>(exists: () => Promise<T | undefined>, open: () => Promise<unknown>): Promise<T> {
  const found = await exists();
  if (found !== undefined) return found;
  try {
    await open();
  } catch (e) {
    const again = await exists();
    if (again !== undefined) return again;
    throw e;
  }
  const opened = await exists();
  if (opened === undefined) throw new RecallError('not-opened');
  return opened;
}

export type CastResult = Awaited<ReturnType<typeof cast>>;

/**
 * Rates `who` in `office` for the current period: approves or not, and grades the spheres of
 * `grades` (1..6). The choice is checked against the office's spheres before anything is sent;
 * the period is opened first if nobody has yet.
 */
export async function rate(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  who: string,
  office: number,
  approve: boolean,
  grades: Partial<Record<string, number>>,
  progress: (s: ActionStage) => void,
): Promise<CastResult> {
  const [period] = await api.view.Ratings.current_period();
  const stored = () => api.query.Ratings.Periods.getValue(who, office, period);
  const before = await stored();
  ratingChoice(before?.spheres ?? (await api.query.Jurisdictions.Offices.getValue(office))?.spheres ?? 0, approve, grades);
  const rating = await ensureOpen(stored, async () => {
    progress({ stage: 'opening' });
    await submitGeneral(client, await api.tx.Ratings.open_period({ office, who }).getEncodedData(), 'Ratings');
  });
  const poll = rating.poll === undefined ? undefined : await pollEntry(api, rating.poll);
  if (!poll) throw new RecallError('not-opened');
  // The period's own set: the office's when it opened.
  return cast(api, client, seed, member, poll, ratingChoice(rating.spheres, approve, grades), progress);
}

/**
 * Signs the petition to recall `who` from `office` (opening one if none is open), or withdraws a
 * signature (a ballot for option 1 replaces the one for option 0).
 */
export async function petition(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  who: string,
  office: number,
  sign: boolean,
  progress: (s: ActionStage) => void,
): Promise<CastResult> {
  const open = async () => {
    const [[, p], now] = await Promise.all([api.view.Recall.status(office, who), blockNow(api)]);
    return p && now < p.end ? p : undefined;
  };
  const found = sign
    ? await ensureOpen(open, async () => {
        progress({ stage: 'opening' });
        await submitGeneral(client, await api.tx.Recall.open_petition({ office, who }).getEncodedData(), 'Recall');
      })
    : await open();
  if (!found) throw new RecallError('no-petition');
  const poll = await pollEntry(api, found.poll);
  if (!poll) throw new RecallError('no-petition');
  return cast(api, client, seed, member, poll, [sign ? 0 : 1], progress);
}

/** Votes in procedure `procedure`'s confidence vote: remove the official (option 0) or keep them (1). */
export async function confidence(
  api: Api,
  client: PolkadotClient,
  seed: Uint8Array,
  member: Uint8Array,
  procedure: number,
  remove: boolean,
  progress: (s: ActionStage) => void,
): Promise<CastResult> {
  const p = await api.view.Recall.procedure(procedure);
  if (p?.stage.type !== 'Voting') throw new RecallError('not-voting');
  const poll = await pollEntry(api, p.stage.value.poll);
  if (!poll) throw new RecallError('not-voting');
  return cast(api, client, seed, member, poll, [remove ? 0 : 1], progress);
}

/** Starts a recall of `who` in `office` on closed period `trigger`, or on the open petition. */
export async function startRecall(api: Api, client: PolkadotClient, who: string, office: number, trigger: number | 'petition'): Promise<string> {
  const call = api.tx.Recall.start_recall({
    office,
    who,
    trigger: trigger === 'petition' ? { type: 'Petition', value: undefined } : { type: 'Rating', value: trigger },
  });
  return submitGeneral(client, await call.getEncodedData(), 'Recall');
}

/** Moves procedure `procedure` on: opens its confidence vote, or concludes it. */
export async function advance(api: Api, client: PolkadotClient, procedure: number): Promise<string> {
  return submitGeneral(client, await api.tx.Recall.advance({ procedure }).getEncodedData(), 'Recall');
}

/** Closes period `period` of `who` in `office`, after its end and its appeal window. */
export async function closePeriod(api: Api, client: PolkadotClient, who: string, office: number, period: number): Promise<string> {
  return submitGeneral(client, await api.tx.Ratings.close_period({ office, who, period }).getEncodedData(), 'Ratings');
}

/** The hash a response document is known by on chain: BLAKE2b-256 of its bytes. */
export function documentHash(bytes: Uint8Array): string {
  return toHex(Blake2256(bytes));
}

/**
 * The official's response to procedure `procedure`'s notice, signed by the official's own account:
 * the hash of their response document and the promises (theirs) they commit to put right. A later
 * response replaces an earlier one. Resolves with the block that took it; a failure throws
 * `failed:Recall.<Error>`.
 */
export async function respond(api: Api, signer: PolkadotSigner, procedure: number, document: string, fixes: number[]): Promise<number> {
  const r = await api.tx.Recall.respond({ procedure, document, fixes }).signAndSubmit(signer);
  if (!r.ok) throw new RecallError(`failed:${dispatchErrorText(r.dispatchError)}`);
  return r.block.number;
}

/**
 * What a yes/no poll decides when recall opened it: a petition to recall `who` from `office`
 * (option 0 signs, option 1 withdraws a signature) or procedure `procedure`'s confidence vote
 * (option 0 removes, option 1 keeps). Found among the petitions stored and the procedures under way
 * — one of each per official at most — so the polls a voter can still vote in are all named.
 */
export type PollRecall = { type: 'petition'; office: number; who: string } | { type: 'confidence'; office: number; who: string; procedure: number };

export async function recallOfPoll(api: Api, poll: number): Promise<PollRecall | undefined> {
  const [petitions, running] = await Promise.all([api.query.Recall.Petitions.getEntries(), api.query.Recall.Running.getEntries()]);
  const petition = petitions.find((e) => e.value.poll === poll);
  if (petition) return { type: 'petition', office: petition.keyArgs[0], who: petition.keyArgs[1] };
  const procedures = await Promise.all(running.map(async (e) => ({ id: e.value, p: await api.query.Recall.Procedures.getValue(e.value) })));
  const voting = procedures.find(({ p }) => p?.stage.type === 'Voting' && p.stage.value.poll === poll);
  return voting?.p && { type: 'confidence', office: voting.p.office, who: voting.p.who, procedure: voting.id };
}
