// A poll that an election opened: the office, the candidates or party lists its options stand
// for, each list's candidates in the voter's constituency (what a preference marks), and the
// seats as last counted.
import type { Api } from '../../lib/chain.svelte';
import { text } from '../../lib/chain.svelte';

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
};

export async function electionOfPoll(api: Api, poll: number): Promise<PollElection | undefined> {
  const next = await api.query.Elections.NextElectionId.getValue();
  for (let id = next - 1; id >= Math.max(0, next - RECENT_ELECTIONS); id--) {
    const found = await api.view.Elections.election(id);
    if (!found) continue;
    const [info, polls, seats] = found;
    const mine = polls.find(([, p]) => p === poll);
    if (!mine) continue;
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
    return {
      election: id,
      office: office ? text(office.name) : `#${info.office}`,
      seats: info.seats,
      stage: info.stage.type,
      constituency,
      candidates: isList ? [] : await api.query.Elections.Options.getValue(id),
      lists,
      elected: seats.map((s) => ({ who: s.who, constituency: s.constituency, list: s.list })),
    };
  }
  return undefined;
}
