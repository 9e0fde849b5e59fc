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

/** The display name of `who`'s on-chain identity, if it has one in plain text. */
export async function displayName(api: Api, who: string): Promise<string | undefined> {
  const display = (await api.query.Identity.IdentityOf.getValue(who))?.info.display;
  if (!display || display.type === 'None' || !display.type.startsWith('Raw')) return undefined;
  // Raw1 decodes as a number, Raw2–Raw32 as hex.
  const value = display.value as string | number | undefined;
  const bytes = typeof value === 'number' ? Uint8Array.of(value) : typeof value === 'string' ? fromHex(value) : undefined;
  return bytes ? new TextDecoder().decode(bytes).trim() || undefined : undefined;
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
export async function loadElection(api: Api, id: number, poll: number): Promise<PollElection | undefined> {
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
