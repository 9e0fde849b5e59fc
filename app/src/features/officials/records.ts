// Officials and candidates from the chain: the unit tree, each unit's offices and their holders,
// and a person's public record (offices, elections, promises with their history).
import type { Api } from '../../lib/chain.svelte';
import { text } from '../../lib/chain.svelte';

export type Unit = { id: number; name: string; kind: string; parent?: number };

export async function children(api: Api, parent?: number): Promise<Unit[]> {
  const list = await api.view.Jurisdictions.children(parent);
  return list.map(([id, u]) => ({ id, name: text(u.name), kind: u.kind.type, parent: u.parent }));
}

export async function unit(api: Api, id: number): Promise<Unit | undefined> {
  const u = await api.query.Jurisdictions.Units.getValue(id);
  return u ? { id, name: text(u.name), kind: u.kind.type, parent: u.parent } : undefined;
}

export type Office = {
  id: number;
  name: string;
  seats: number;
  /** The policy spheres it answers for (its holders are rated in these), in the chain's order. */
  spheres: string[];
  holders: { who: string; until: number; election: number }[];
};

/** The twenty policy spheres in the runtime's declaration order: bit `i` of an office's set. */
export const SPHERES = [
  'Governance', 'Budget', 'Economy', 'Education', 'Health', 'SocialProtection', 'Housing', 'Utilities',
  'Transport', 'Environment', 'PublicSafety', 'Justice', 'Culture', 'SportAndYouth', 'Agriculture',
  'UrbanPlanning', 'Digital', 'Diaspora', 'ForeignAffairs', 'Participation',
] as const;

/** The spheres of a set as the chain stores it (one bit per sphere). */
export function spheresOf(bits: number): string[] {
  return SPHERES.filter((_, i) => (bits >>> i) & 1);
}

export async function offices(api: Api, unitId: number): Promise<Office[]> {
  const list = await api.view.Jurisdictions.offices_of(unitId);
  return Promise.all(
    list.map(async ([id, o]) => ({
      id,
      name: text(o.name),
      seats: o.seats,
      spheres: spheresOf(o.spheres),
      holders: (await api.view.Elections.holders(id)).map((h) => ({ who: h.seat.who, until: h.until, election: h.election })),
    })),
  );
}

export async function officeName(api: Api, id: number): Promise<string> {
  const o = await api.query.Jurisdictions.Offices.getValue(id);
  return o ? text(o.name) : `#${id}`;
}

export type HistoryEntry = { at: number; by?: string; change: { type: string; value?: Record<string, unknown> } };

export type PromiseView = {
  id: number;
  election: number;
  title: string;
  sphere: string;
  status: string;
  progress: number;
  overdue: boolean;
  deadline?: number;
  history: HistoryEntry[];
};

export async function promise(api: Api, id: number): Promise<PromiseView | undefined> {
  const found = await api.view.Promises.promise(id);
  if (!found) return undefined;
  const [p, overdue] = found;
  const history = (await api.view.Promises.history(id)).map((e) => ({
    at: e.at,
    by: e.by,
    change: e.change as HistoryEntry['change'],
  }));
  return {
    id,
    election: p.election,
    title: text(p.title),
    sphere: p.sphere.type,
    status: p.status.type,
    progress: p.progress,
    overdue,
    deadline: p.deadline,
    history,
  };
}

/** The election a seat held since genesis is recorded under (`GENESIS_ELECTION`): none of this chain's. */
export const GENESIS_ELECTION = 0xffff_ffff;

export type Portrait = {
  offices: { id: number; office: string; election: number; since: number; until: number; left?: number }[];
  elections: { election: number; office: string; standing: string }[];
  promises: PromiseView[];
  /** The offices whose ratings and recall to show: those held now, and those rated or recalled in. */
  rated: { id: number; name: string }[];
};

export async function portrait(api: Api, who: string): Promise<Portrait> {
  const p = await api.view.Elections.portrait(who);
  const names = new Map<number, string>();
  const name = async (id: number) => {
    if (!names.has(id)) names.set(id, await officeName(api, id));
    return names.get(id)!;
  };
  const rated = [
    ...new Set([
      ...p.offices.filter((s) => s.left === undefined).map((s) => s.office),
      ...p.ratings.map((r) => r.office),
      ...p.recalls.map((r) => r.office),
    ]),
  ];
  return {
    offices: await Promise.all(
      p.offices.map(async (s) => ({ id: s.office, office: await name(s.office), election: s.election, since: s.since, until: s.until, left: s.left })),
    ),
    elections: await Promise.all(
      p.elections.map(async ([election, office, standing]) => ({ election, office: await name(office), standing: standing.type })),
    ),
    promises: (await Promise.all(p.promises.map((s) => promise(api, s.id)))).filter((x): x is PromiseView => !!x),
    rated: await Promise.all(rated.map(async (id) => ({ id, name: await name(id) }))),
  };
}
