// A poll that an election opened: the office, the candidates or party lists its options stand
// for, each list's candidates in the voter's constituency (what a preference marks), and the
// seats as last counted.
import type { Api } from '../../lib/chain.svelte';
import { text } from '../../lib/chain.svelte';
import { fromHex } from '../../lib/bytes';

/** How many of the latest elections are searched for a poll's election. */
export const RECENT_ELECTIONS = 50;

export type PollElection = {
  election: number;
  office: string;
  seats: number;
  stage: string;
  constituency: number;
  /** Outside party lists: the candidates, in ballot order. */
  candidates: string[];
  /** Party lists, in ballot order, each with its candidates here. */
  lists: { name: string; candidates: string[] }[];
  /** The seats as last counted. */
  elected: { who: string; constituency: number; list?: number }[];
  /** The public display names (on-chain identities) of the candidates and the elected. */
  names: Record<string, string>;
};

type Registration = { judgements: [number, { type: string }][]; info: { display: { type: string; value?: unknown } } };

/**
 * The display name of an identity a registrar currently vouches for — judged `Reasonable` or
 * `KnownGood` and never `Erroneous` or `LowQuality`, as the runtime decides who may stand — in
 * plain text. Anything else shows as the address: a name changed after its judgement (which drops
 * the judgement) or never judged could pass one candidate off as another.
 */
export function judgedName(registration: Registration | undefined): string | undefined {
  if (!registration) return undefined;
  const verdicts = registration.judgements.map(([, j]) => j.type);
  const vouched = verdicts.some((v) => v === 'Reasonable' || v === 'KnownGood');
  if (!vouched || verdicts.some((v) => v === 'Erroneous' || v === 'LowQuality')) return undefined;
  const { type, value } = registration.info.display;
  if (!type.startsWith('Raw')) return undefined;
  // Raw1 decodes as a number, Raw2–Raw32 as hex.
  const bytes = typeof value === 'number' ? Uint8Array.of(value) : typeof value === 'string' ? fromHex(value) : undefined;
  return bytes ? new TextDecoder().decode(bytes).trim() || undefined : undefined;
}

export async function displayName(api: Api, who: string): Promise<string | undefined> {
  return judgedName(await api.query.Identity.IdentityOf.getValue(who));
}

/** The election that opened `poll`, searched among the latest {@link RECENT_ELECTIONS}. */
export async function electionOfPoll(api: Api, poll: number): Promise<PollElection | undefined> {
  const next = await api.query.Elections.NextElectionId.getValue();
  for (let id = next - 1; id >= Math.max(0, next - RECENT_ELECTIONS); id--) {
    const found = await loadElection(api, id, poll);
    if (found) return found;
  }
  return undefined;
}

/** Election `id` as `poll` shows it (undefined if `poll` is not one of its polls). */
async function loadElection(api: Api, id: number, poll: number): Promise<PollElection | undefined> {
  const found = await api.view.Elections.election(id);
  if (!found) return undefined;
  const [info, polls, seats] = found;
  const mine = polls.find(([, p]) => p === poll);
  if (!mine) return undefined;
  const constituency = mine[0];
  const office = await api.query.Jurisdictions.Offices.getValue(info.office);
  const isList = info.method.type === 'PartyList';
  const lists = isList
    ? await Promise.all(
        (await api.query.Elections.Lists.getValue(id)).map(async (l, i) => ({
          name: text(l.name),
          candidates: await api.query.Elections.ListCandidates.getValue(id, constituency, i),
        })),
      )
    : [];
  const candidates = isList ? [] : await api.query.Elections.Options.getValue(id);
  const people = new Set([...candidates, ...lists.flatMap((l) => l.candidates), ...seats.map((s) => s.who)]);
  const names: Record<string, string> = {};
  await Promise.all(
    [...people].map(async (who) => {
      const name = await displayName(api, who);
      if (name) names[who] = name;
    }),
  );
  return {
    election: id,
    office: office ? text(office.name) : `#${info.office}`,
    seats: info.seats,
    stage: info.stage.type,
    constituency,
    candidates,
    lists,
    elected: seats.map((s) => ({ who: s.who, constituency: s.constituency, list: s.list })),
    names,
  };
}

/**
 * `shown` with its seats and stage read again: what a count changes. The office, candidates and
 * lists are fixed once voting opens, so the block-by-block refresh reads one view (and the names
 * of newly seated persons), not the whole election.
 */
export async function refreshSeats(api: Api, shown: PollElection): Promise<PollElection | undefined> {
  const found = await api.view.Elections.election(shown.election);
  if (!found) return undefined;
  const [info, , seats] = found;
  const names = { ...shown.names };
  await Promise.all(
    seats
      .filter((s) => !(s.who in names))
      .map(async (s) => {
        const name = await displayName(api, s.who);
        if (name) names[s.who] = name;
      }),
  );
  return {
    ...shown,
    stage: info.stage.type,
    elected: seats.map((s) => ({ who: s.who, constituency: s.constituency, list: s.list })),
    names,
  };
}
