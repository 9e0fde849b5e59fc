// Civic participation (the consultations pallet) as the chain shows it, and what a resident does
// from this device: a civic profile opened and renewed with ring-VRF proofs made here in the
// period's context, acting with an sr25519 profile key derived from the ring secret; answers to
// consultations sealed, read back and opened in the prover's worker; proposals, ideas, grades and
// expert clubs. Every profile call is a feeless general transaction authorized by the profile
// key's signature of `profile_message`. The bytes follow the pallet's definitions
// (pallets/consultations/src/lib.rs) and veche-client's (client/src/consult.rs).
//
// Privacy as on the vote page: the ring that holds the person's key is found from the position
// remembered on this device, else by reading the public rings; the node is never asked where the
// key is, so it cannot link the profile to the ring key.
import type { PolkadotClient } from 'polkadot-api';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import type { Api } from '../../lib/chain.svelte';
import { compact, concat, equal, fromHex, text, toHex } from '../../lib/bytes';
import { chainReader, findRollRing, RingSearchError } from '../../lib/ring';
import { submitGeneral, GeneralError } from '../../lib/general';
import { opening, profileKeySeed, prove, readChoice, sealChoice, type Progress } from '../../lib/prover';
import { SPHERES } from '../officials/records';

export type Sphere = (typeof SPHERES)[number];
export type Kind = 'State' | 'Plan';

const ascii = (s: string) => new TextEncoder().encode(s);
const u16le = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff);
const u32le = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

function bytes32(b: Uint8Array, what: string): Uint8Array {
  if (b.length !== 32) throw new RangeError(`${what}: 32 bytes expected, got ${b.length}`);
  return b;
}

/** The tags that name each profile call in its signed message (the pallet's `tags`). */
export const TAGS = {
  RENEW: 1,
  SET_NAME: 2,
  PROPOSE: 3,
  ANSWER: 6,
  CLAIM: 9,
  POST_IDEA: 10,
  RATE_IDEA: 11,
  JOIN_CLUB: 14,
  LEAVE_CLUB: 15,
} as const;

/** What an opening's ring proof signs: SCALE `(b"veche/profile-open", key, name)` (`open_message`). */
export function openMessage(key: Uint8Array, name: Uint8Array): Uint8Array {
  return concat(ascii('veche/profile-open'), bytes32(key, 'key'), compact(name.length), name);
}

/** What a renewal's ring proof signs: SCALE `(b"veche/profile-renew", profile, key)` (`renew_message`). */
export function renewMessage(profile: number, key: Uint8Array): Uint8Array {
  return concat(ascii('veche/profile-renew'), u32le(profile), bytes32(key, 'key'));
}

/**
 * What the profile key signs to renew in `period`: SCALE
 * `(b"veche/profile-call", genesis, profile, period, tags::RENEW)` (`renew_signed`).
 */
export function renewSigned(genesis: Uint8Array, profile: number, period: number): Uint8Array {
  return concat(ascii('veche/profile-call'), bytes32(genesis, 'genesis'), u32le(profile), u32le(period), Uint8Array.of(TAGS.RENEW));
}

/**
 * What the profile key signs for a call: SCALE `(b"veche/profile-call", genesis, profile, nonce,
 * tag, blake2_256(payload))`, `payload` being the call's arguments after `auth` (`profile_message`).
 */
export function profileMessage(genesis: Uint8Array, profile: number, nonce: number, tag: number, payload: Uint8Array): Uint8Array {
  return concat(
    ascii('veche/profile-call'),
    bytes32(genesis, 'genesis'),
    u32le(profile),
    u32le(nonce),
    Uint8Array.of(tag),
    Blake2256(payload),
  );
}

/**
 * What a sealed answer's proofs are bound to: SCALE `(b"veche/answer", genesis, consultation,
 * profile, revision)` (`answer_binding`); the revision is 0 for a first answer, one more per change.
 */
export function answerBinding(genesis: Uint8Array, consultation: number, profile: number, revision: number): Uint8Array {
  return concat(ascii('veche/answer'), bytes32(genesis, 'genesis'), u32le(consultation), u32le(profile), u16le(revision));
}

/** The length of an encoded `ProfileAuth`: profile (u32), nonce (u32), signature (64 bytes). */
export const AUTH_LEN = 72;

/** SCALE `ProfileAuth { profile, nonce, signature }`. */
export function encodeAuth(profile: number, nonce: number, signature: Uint8Array): Uint8Array {
  if (signature.length !== 64) throw new RangeError('a signature is 64 bytes');
  return concat(u32le(profile), u32le(nonce), signature);
}

export class CivicError extends Error {}

/**
 * A profile call's encoding split around its `auth` (which must be `auth`): the pallet and call
 * indices, and the arguments after `auth` — what the profile key signs (hashed).
 */
export function splitCall(call: Uint8Array, auth: Uint8Array): { head: Uint8Array; payload: Uint8Array } {
  if (call.length < 2 + AUTH_LEN || !equal(call.subarray(2, 2 + AUTH_LEN), auth)) throw new CivicError('encoding-mismatch');
  return { head: call.slice(0, 2), payload: call.slice(2 + AUTH_LEN) };
}

type Hex = `0x${string}`;
/** A sealed choice as the typed API takes it (`Consultations.answer`'s `sealed`). */
export type Sealed = {
  ciphertexts: { a: Hex; b: Hex }[];
  bits: { c0: Hex; c1: Hex; z0: Hex; z1: Hex }[];
  sum: { c: Hex; z: Hex };
};

/**
 * The sealed choice the prover wrote (SCALE `(Vec<Ciphertext>, Vec<BitProof>, Dleq)`; a
 * ciphertext is `a, b`, a bit proof `c0, c1, z0, z1`, the sum's proof `c, z`, 32 bytes each).
 */
export function decodeSealed(bytes: Uint8Array): Sealed {
  let at = 0;
  const take = (): Hex => {
    if (at + 32 > bytes.length) throw new CivicError('bad-seal');
    const part = bytes.subarray(at, at + 32);
    at += 32;
    return toHex(part) as Hex;
  };
  const length = () => {
    // At most 16 options: a one-byte compact.
    const b = bytes[at++];
    if (b === undefined || (b & 3) !== 0) throw new CivicError('bad-seal');
    return b >> 2;
  };
  const n = length();
  const ciphertexts = Array.from({ length: n }, () => ({ a: take(), b: take() }));
  if (length() !== n) throw new CivicError('bad-seal');
  const bits = Array.from({ length: n }, () => ({ c0: take(), c1: take(), z0: take(), z1: take() }));
  const sum = { c: take(), z: take() };
  if (at !== bytes.length) throw new CivicError('bad-seal');
  return { ciphertexts, bits, sum };
}

/** A profile key: its public key and a signer (sr25519, signing context "substrate"). */
export type ProfileKey = { publicKey: Uint8Array; sign: (message: Uint8Array) => Uint8Array };

/**
 * The sr25519 key of a 32-byte mini secret, expanded as Substrate's and subxt's
 * `Keypair::from_secret_key` expand it (no derivation path).
 */
export function profileKeyFromMiniSecret(miniSecret: Uint8Array): ProfileKey {
  const pair = sr25519CreateDerive(bytes32(miniSecret, 'mini secret'))('');
  return { publicKey: pair.publicKey, sign: (m) => pair.sign(m) };
}

/** The person's profile key, from their ring secret (the mini secret is derived in the worker). */
export async function profileKey(seed: Uint8Array): Promise<ProfileKey> {
  const mini = await profileKeySeed(seed);
  try {
    return profileKeyFromMiniSecret(mini);
  } finally {
    mini.fill(0);
  }
}

// ---- what the chain holds, as the screen shows it -----------------------------------------

export type Stage =
  | { type: 'Proposed' }
  | { type: 'Rejected'; reason: string }
  | { type: 'Open'; key: number; closes: number }
  | { type: 'Counted'; key: number; closes: number; winner?: number };

type Raw = { type: string; value?: unknown };

/** A consultation's stage as the chain encodes it, flattened. */
export function stageOf(raw: Raw): Stage {
  const v = (raw.value ?? {}) as { reason?: string; key?: number; closes?: number; winner?: number };
  switch (raw.type) {
    case 'Rejected':
      return { type: 'Rejected', reason: v.reason ?? '' };
    case 'Open':
      return { type: 'Open', key: v.key ?? 0, closes: v.closes ?? 0 };
    case 'Counted':
      return v.winner === undefined
        ? { type: 'Counted', key: v.key ?? 0, closes: v.closes ?? 0 }
        : { type: 'Counted', key: v.key ?? 0, closes: v.closes ?? 0, winner: v.winner };
    default:
      return { type: 'Proposed' };
  }
}

/** Where a consultation stands at block `now`: an open one past its close awaits the count. */
export type Phase = 'Proposed' | 'Rejected' | 'Open' | 'Closed' | 'Counted';

export function phaseOf(stage: Stage, now: number): Phase {
  if (stage.type === 'Open') return now < stage.closes ? 'Open' : 'Closed';
  return stage.type;
}

/** The trustees' key a consultation seals to, once admitted. */
export function sealedTo(stage: Stage): number | undefined {
  return stage.type === 'Open' || stage.type === 'Counted' ? stage.key : undefined;
}

/** A profile's civic statuses, each including the ones before it (the pallet's `Status`). */
export const STATUSES = ['None', 'Registered', 'Responsible', 'LocalExpert', 'OpinionLeader'] as const;
export type Status = (typeof STATUSES)[number];

export type Figures = {
  months: number;
  monthsProposing: number;
  consultations: number;
  answered: number;
  settled: number;
  agreed: number;
};
export type Report = { status: Status; figures: Figures; from: number; until: number };

type RawReport = {
  status: Raw;
  figures: { months: number; months_proposing: number; consultations: number; answered: number; settled: number; agreed: number };
  from: number;
  until: number;
};

/** A status report as the view functions `status` and `sphere_status` return it. */
export function reportOf(raw: RawReport): Report {
  const status = (STATUSES as readonly string[]).includes(raw.status.type) ? (raw.status.type as Status) : 'None';
  const f = raw.figures;
  return {
    status,
    figures: {
      months: f.months,
      monthsProposing: f.months_proposing,
      consultations: f.consultations,
      answered: f.answered,
      settled: f.settled,
      agreed: f.agreed,
    },
    from: raw.from,
    until: raw.until,
  };
}

/** Whether `status` is `least` or above. */
export function atLeast(status: Status, least: Status): boolean {
  return STATUSES.indexOf(status) >= STATUSES.indexOf(least);
}

/** An idea's score (the pallet's `Idea::score`, in thousandths of a grade) as a grade: "3.67". */
export function scoreText(score: number): string {
  return (Math.round(score / 10) / 100).toFixed(2);
}

/** The SCALE index of a policy sphere (the runtime's declaration order). */
export const sphereIndex = (s: Sphere) => SPHERES.indexOf(s);
const sphereArg = (s: Sphere) => ({ type: s, value: undefined });

export type ProfileRecord = {
  id: number;
  key: string;
  name: string;
  opened: number;
  active: number;
  constituency: number;
  nonce: number;
  calls: number;
};

type At = { at: 'best' | 'finalized' };

/** The profile whose key is `key`, if there is one. */
export async function profileOf(api: Api, key: Uint8Array, at: At = { at: 'finalized' }): Promise<ProfileRecord | undefined> {
  const id = await api.view.Consultations.profile_of_key(toHex(key), at);
  if (id === undefined) return undefined;
  const p = await api.query.Consultations.Profiles.getValue(id, at);
  return p && { id, key: p.key, name: text(p.name), opened: p.opened, active: p.active, constituency: p.constituency, nonce: p.nonce, calls: p.calls };
}

/** The current period, the roll its proofs are checked against, and its context. */
export async function currentPeriod(api: Api, at: At = { at: 'finalized' }): Promise<{ period: number; roll: number; context: string }> {
  const [period, roll, context] = await api.view.Consultations.current_period(at);
  return { period, roll, context };
}

const genesis = new WeakMap<Api, Promise<Uint8Array>>();

/** The chain's genesis hash as the pallet reads it (`System::BlockHash(0)`). */
export function genesisHash(api: Api): Promise<Uint8Array> {
  let g = genesis.get(api);
  if (!g) {
    g = api.query.System.BlockHash.getValue(0).then((h) => fromHex(h));
    g.catch(() => genesis.delete(api));
    genesis.set(api, g);
  }
  return g;
}

export type ConsultationEntry = {
  id: number;
  proposer: number;
  unit: number;
  sphere: Sphere;
  kind: Kind;
  title: string;
  content: string;
  options: number;
  period: number;
  answers: number;
  counts: number[];
  idea?: number;
  stage: Stage;
};

/** The newest `limit` consultations, newest first, and how many there are. */
export async function consultations(api: Api, limit: number): Promise<{ list: ConsultationEntry[]; total: number }> {
  const total = await api.query.Consultations.NextConsultationId.getValue();
  const ids = Array.from({ length: Math.min(limit, total) }, (_, i) => total - 1 - i);
  const values = await api.query.Consultations.Consultations.getValues(ids.map((id) => [id] as [number]));
  const list: ConsultationEntry[] = [];
  values.forEach((c, i) => {
    if (!c) return;
    list.push({
      id: ids[i],
      proposer: c.proposer,
      unit: c.unit,
      sphere: c.sphere.type,
      kind: c.kind.type,
      title: text(c.title),
      content: c.content,
      options: c.options,
      period: c.period,
      answers: c.answers,
      counts: [...c.counts],
      idea: c.idea,
      stage: stageOf(c.stage as Raw),
    });
  });
  return { list, total };
}

/** The trustees' current key, and the keys made at genesis from public seeds (a test chain's). */
export async function trusteeKeys(api: Api): Promise<{ current?: number; publicSeed: Set<number> }> {
  const [current, seeded] = await Promise.all([
    api.query.Trustees.CurrentKey.getValue(),
    // The entries, not the values: a key's value is `()`.
    api.query.Trustees.PublicSeedKeys.getEntries(),
  ]);
  return { current, publicSeed: new Set(seeded.map(({ keyArgs: [key] }) => key)) };
}

/** The public key of trustees' key `key`, once its ceremony made it (ready or retired). */
export async function sealingKey(api: Api, key: number): Promise<Uint8Array> {
  const c = await api.query.Trustees.Ceremonies.getValue(key);
  if (c?.stage.type === 'Ready' || c?.stage.type === 'Retired') return fromHex(c.stage.value.public_key);
  throw new CivicError('key-not-ready');
}

export type Mine = { revision: number; agreed: boolean };

/** The profile's stored answers to `ids` (their revisions, whether agreement was shown). */
export async function answersOf(api: Api, ids: number[], profile: number): Promise<Map<number, Mine>> {
  const values = await api.query.Consultations.Answers.getValues(ids.map((id) => [id, profile] as [number, number]));
  const out = new Map<number, Mine>();
  values.forEach((a, i) => a && out.set(ids[i], { revision: a.revision, agreed: a.agreed }));
  return out;
}

/**
 * Which of `entries` the profile may answer now: open, of a unit its constituency of the
 * consultation's period lies within, and the profile active in the current period.
 */
export async function eligibleFor(api: Api, entries: ConsultationEntry[], profile: ProfileRecord, period: number, now: number): Promise<Set<number>> {
  const open = entries.filter((c) => phaseOf(c.stage, now) === 'Open');
  if (profile.active !== period || open.length === 0) return new Set();
  const periods = [...new Set(open.map((c) => c.period))];
  const homes = await api.query.Consultations.Memberships.getValues(periods.map((p) => [profile.id, p] as [number, number]));
  const within = new Map<number, Set<number>>();
  await Promise.all(
    periods.map(async (p, i) => {
      const home = homes[i];
      if (home !== undefined) within.set(p, new Set(await api.view.Jurisdictions.ancestors(home)));
    }),
  );
  return new Set(open.filter((c) => within.get(c.period)?.has(c.unit)).map((c) => c.id));
}

/** A profile's status over all spheres. */
export async function statusOf(api: Api, profile: number): Promise<Report> {
  return reportOf((await api.view.Consultations.status(profile)) as RawReport);
}

/** A profile's status in each sphere, in the runtime's order. */
export async function sphereStatuses(api: Api, profile: number): Promise<{ sphere: Sphere; report: Report }[]> {
  const reports = await Promise.all(SPHERES.map((s) => api.view.Consultations.sphere_status(profile, sphereArg(s))));
  return reports.map((r, i) => ({ sphere: SPHERES[i], report: reportOf(r as RawReport) }));
}

/** The expert clubs the profile is in, with the period it joined each. */
export async function clubsOf(api: Api, profile: number): Promise<{ sphere: Sphere; since: number }[]> {
  const joined = await api.query.Consultations.Clubs.getValues(SPHERES.map((_, i) => [i, profile] as [number, number]));
  return SPHERES.flatMap((sphere, i) => (joined[i] === undefined ? [] : [{ sphere, since: joined[i]! }]));
}

export type IdeaView = {
  id: number;
  author: number;
  unit: number;
  sphere: Sphere;
  title: string;
  content: string;
  period: number;
  ratings: number;
  score: number;
  /** The profile's grade of it, if any. */
  mine?: number;
};

/** The board of `unit` and `sphere`, best first, with the profile's grades. */
export async function board(api: Api, unit: number, sphere: Sphere, profile?: number): Promise<IdeaView[]> {
  const top = await api.view.Consultations.top_ideas(unit, sphereArg(sphere));
  const ids = top.map(([id]) => id);
  const [ideas, grades] = await Promise.all([
    api.query.Consultations.Ideas.getValues(ids.map((id) => [id] as [number])),
    profile === undefined ? Promise.resolve([]) : api.query.Consultations.IdeaGrades.getValues(ids.map((id) => [id, profile] as [number, number])),
  ]);
  return top.flatMap(([id, score], i) => {
    const idea = ideas[i];
    return idea
      ? [
          {
            id,
            author: idea.author,
            unit: idea.unit,
            sphere: idea.sphere.type,
            title: text(idea.title),
            content: idea.content,
            period: idea.period,
            ratings: idea.ratings,
            score,
            mine: grades[i] ?? undefined,
          },
        ]
      : [];
  });
}

/** The BLAKE2b-256 hash of a text (what the chain records of a consultation's or idea's text). */
export function contentHash(s: string): string {
  return toHex(Blake2256(new TextEncoder().encode(s)));
}

// ---- what a resident does ----------------------------------------------------------------

/** Who acts: the chain, the person's ring secret and public ring key, their profile key. */
export type Actor = { api: Api; client: PolkadotClient; seed: Uint8Array; member: Uint8Array; key: ProfileKey };

export type Step = Progress | { stage: 'sealing' } | { stage: 'submitting' };

async function send(client: PolkadotClient, call: Uint8Array): Promise<string> {
  try {
    return await submitGeneral(client, call, 'Consultations');
  } catch (e) {
    throw e instanceof GeneralError ? new CivicError(e.message) : e;
  }
}

/** The person's profile, active in the current period (as the best block has it). */
async function activeProfile(a: Actor): Promise<ProfileRecord> {
  const at = { at: 'best' } as const;
  const [record, { period }] = await Promise.all([profileOf(a.api, a.key.publicKey, at), currentPeriod(a.api, at)]);
  if (!record) throw new CivicError('no-profile');
  if (record.active !== period) throw new CivicError('not-active');
  return record;
}

/**
 * Signs and sends a profile call: `build` makes the call with the `auth` given; it is encoded
 * once with a placeholder signature, the arguments after `auth` are signed (with the genesis
 * hash, the profile's next nonce and `tag`), and the call is sent with the signature. `expected`,
 * if given, must be those arguments' bytes (a sealed answer's, as the prover wrote them).
 */
async function profileCall(
  a: Actor,
  record: ProfileRecord,
  tag: number,
  build: (auth: { profile: number; nonce: number; signature: Hex }) => { getEncodedData(): Promise<Uint8Array> },
  expected?: Uint8Array,
): Promise<string> {
  const blank = new Uint8Array(64);
  const draft = await build({ profile: record.id, nonce: record.nonce, signature: toHex(blank) as Hex }).getEncodedData();
  const { head, payload } = splitCall(draft, encodeAuth(record.id, record.nonce, blank));
  if (expected && !equal(payload, expected)) throw new CivicError('encoding-mismatch');
  const signature = a.key.sign(profileMessage(await genesisHash(a.api), record.id, record.nonce, tag, payload));
  return send(a.client, concat(head, encodeAuth(record.id, record.nonce, signature), payload));
}

/**
 * A proof by the person's key of their constituency's ring (its revision in the current period's
 * roll), in the period's context, over `message`. The ring is looked for near `near` (the
 * profile's last constituency) first, then in the whole tree.
 */
async function periodProof(a: Actor, message: Uint8Array, near: number | undefined, step: (s: Step) => void) {
  const { period, roll, context } = await currentPeriod(a.api, { at: 'best' });
  const reader = chainReader(a.api);
  let found;
  try {
    if (near !== undefined) found = await findRollRing(reader, a.member, roll, [near]);
    if (!found) {
      const roots = (await a.api.view.Jurisdictions.children(undefined)).map(([id]) => id);
      found = await findRollRing(reader, a.member, roll, roots);
    }
  } catch (e) {
    throw e instanceof RingSearchError ? new CivicError(e.message) : e;
  }
  if (!found || found.set.type !== 'Constituency') throw new CivicError('not-in-period-rings');
  const capacity = await a.api.constants.Personhood.RingCapacity();
  const { proof } = await prove({ seed: a.seed, ring: found.members.map(fromHex), capacity, context: fromHex(context), message }, step);
  return { period, ring: { set: found.set, index: found.index, revision: found.revision }, proof };
}

/** Opens the person's profile with display name `name` (may be empty). */
export async function openProfile(a: Actor, name: string, step: (s: Step) => void): Promise<string> {
  const bytes = new TextEncoder().encode(name.trim());
  if (bytes.length > (await a.api.constants.Consultations.MaxName())) throw new CivicError('name-too-long');
  if (await profileOf(a.api, a.key.publicKey, { at: 'best' })) throw new CivicError('has-profile');
  const { ring, proof } = await periodProof(a, openMessage(a.key.publicKey, bytes), undefined, step);
  step({ stage: 'submitting' });
  const call = await a.api.tx.Consultations.open_profile({ ring, proof, key: toHex(a.key.publicKey), name: bytes }).getEncodedData();
  return send(a.client, call);
}

/** Renews the person's profile for the current period. */
export async function renewProfile(a: Actor, step: (s: Step) => void): Promise<string> {
  const record = await profileOf(a.api, a.key.publicKey, { at: 'best' });
  if (!record) throw new CivicError('no-profile');
  if (record.active >= (await currentPeriod(a.api, { at: 'best' })).period) throw new CivicError('already-active');
  const { period, ring, proof } = await periodProof(a, renewMessage(record.id, fromHex(record.key)), record.constituency, step);
  const signature = a.key.sign(renewSigned(await genesisHash(a.api), record.id, period));
  step({ stage: 'submitting' });
  const call = await a.api.tx.Consultations.renew_profile({ profile: record.id, ring, proof, signature: toHex(signature) }).getEncodedData();
  return send(a.client, call);
}

/** An admitted consultation and the public key its answers are sealed to. */
async function admitted(a: Actor, id: number) {
  const c = await a.api.query.Consultations.Consultations.getValue(id, { at: 'best' });
  if (!c) throw new CivicError('no-consultation');
  const stage = stageOf(c.stage as Raw);
  const key = sealedTo(stage);
  if (key === undefined) throw new CivicError('not-open');
  return { options: c.options, stage, pk: await sealingKey(a.api, key) };
}

/**
 * Answers consultation `id` with option `choice` (0-based), or changes the answer: sealed in the
 * worker to the trustees' key, bound to the next revision. Returns the block and the revision.
 */
export async function answer(a: Actor, id: number, choice: number, step: (s: Step) => void): Promise<{ block: string; revision: number }> {
  const c = await admitted(a, id);
  if (c.stage.type !== 'Open') throw new CivicError('not-open');
  if (!Number.isInteger(choice) || choice < 0 || choice >= c.options) throw new CivicError('bad-choice');
  const record = await activeProfile(a);
  const old = await a.api.query.Consultations.Answers.getValue(id, record.id, { at: 'best' });
  const revision = old ? old.revision + 1 : 0;
  const binding = answerBinding(await genesisHash(a.api), id, record.id, revision);
  step({ stage: 'sealing' });
  const sealed = await sealChoice({ seed: a.seed, pk: c.pk, options: c.options, choice, binding });
  const decoded = decodeSealed(sealed);
  step({ stage: 'submitting' });
  const block = await profileCall(
    a,
    record,
    TAGS.ANSWER,
    (auth) => a.api.tx.Consultations.answer({ auth, consultation: id, sealed: decoded }),
    concat(u32le(id), sealed),
  );
  return { block, revision };
}

export type ReadBack = { choice: number | null; revision: number; agreed: boolean };

/** The person's stored answer to consultation `id`, read back with their secret; undefined if none. */
export async function readAnswer(a: Actor, id: number): Promise<ReadBack | undefined> {
  const c = await admitted(a, id);
  const record = await profileOf(a.api, a.key.publicKey, { at: 'best' });
  if (!record) throw new CivicError('no-profile');
  const stored = await a.api.query.Consultations.Answers.getValue(id, record.id, { at: 'best' });
  if (!stored) return undefined;
  const binding = answerBinding(await genesisHash(a.api), id, record.id, stored.revision);
  const ciphertexts = stored.ciphertexts.map((ct) => concat(fromHex(ct.a), fromHex(ct.b)));
  const choice = await readChoice({ seed: a.seed, pk: c.pk, ciphertexts, binding });
  return { choice, revision: stored.revision, agreed: stored.agreed };
}

/** Shows that the person's answer to counted consultation `id` chose its winning option. */
export async function claimAgreement(a: Actor, id: number, step: (s: Step) => void): Promise<string> {
  const c = await admitted(a, id);
  if (c.stage.type !== 'Counted' || c.stage.winner === undefined) throw new CivicError('no-winner');
  const winner = c.stage.winner;
  const record = await activeProfile(a);
  const stored = await a.api.query.Consultations.Answers.getValue(id, record.id, { at: 'best' });
  if (!stored) throw new CivicError('not-answered');
  if (stored.agreed) throw new CivicError('already-agreed');
  const binding = answerBinding(await genesisHash(a.api), id, record.id, stored.revision);
  const ciphertexts = stored.ciphertexts.map((ct) => concat(fromHex(ct.a), fromHex(ct.b)));
  const choice = await readChoice({ seed: a.seed, pk: c.pk, ciphertexts, binding });
  if (choice === null) throw new CivicError('not-mine');
  if (choice !== winner) throw new CivicError('not-winner');
  const r = await opening(a.seed, binding, winner);
  step({ stage: 'submitting' });
  return profileCall(
    a,
    record,
    TAGS.CLAIM,
    (auth) => a.api.tx.Consultations.claim_agreement({ auth, consultation: id, opening: toHex(r) as Hex }),
    concat(u32le(id), r),
  );
}

async function checkedTitle(api: Api, title: string): Promise<Uint8Array> {
  const bytes = new TextEncoder().encode(title.trim());
  if (bytes.length === 0) throw new CivicError('title-empty');
  if (bytes.length > (await api.constants.Consultations.MaxTitle())) throw new CivicError('title-too-long');
  return bytes;
}

export type Proposal = { unit: number; sphere: Sphere; kind: Kind; title: string; text: string; options: number };

/**
 * Proposes a consultation; its text (the question, the options' wording, the background) is
 * recorded by its BLAKE2b-256 hash (the title's when no text is given, as veche-client does).
 */
export async function propose(a: Actor, p: Proposal): Promise<string> {
  const title = await checkedTitle(a.api, p.title);
  const max = await a.api.constants.Consultations.MaxOptions();
  if (!Number.isInteger(p.options) || p.options < 2 || p.options > max) throw new CivicError('bad-options');
  const record = await activeProfile(a);
  const content = contentHash(p.text.trim() || p.title.trim()) as Hex;
  return profileCall(a, record, TAGS.PROPOSE, (auth) =>
    a.api.tx.Consultations.propose({
      auth,
      unit: p.unit,
      sphere: sphereArg(p.sphere),
      kind: { type: p.kind, value: undefined },
      title,
      content,
      options: p.options,
    }),
  );
}

export type IdeaDraft = { unit: number; sphere: Sphere; title: string; text: string };

/** Posts an idea for a unit the person lives in (its text recorded by its hash). */
export async function postIdea(a: Actor, d: IdeaDraft): Promise<string> {
  const title = await checkedTitle(a.api, d.title);
  const record = await activeProfile(a);
  const content = contentHash(d.text.trim() || d.title.trim()) as Hex;
  return profileCall(a, record, TAGS.POST_IDEA, (auth) =>
    a.api.tx.Consultations.post_idea({ auth, unit: d.unit, sphere: sphereArg(d.sphere), title, content }),
  );
}

/** Grades idea `idea` 1–5 (a new grade replaces the old). */
export async function rateIdea(a: Actor, idea: number, grade: number): Promise<string> {
  if (!Number.isInteger(grade) || grade < 1 || grade > 5) throw new CivicError('bad-grade');
  const record = await activeProfile(a);
  return profileCall(a, record, TAGS.RATE_IDEA, (auth) => a.api.tx.Consultations.rate_idea({ auth, idea, grade }));
}

/** Joins (or leaves) the expert club of `sphere`. */
export async function club(a: Actor, sphere: Sphere, join: boolean): Promise<string> {
  const record = await activeProfile(a);
  return join
    ? profileCall(a, record, TAGS.JOIN_CLUB, (auth) => a.api.tx.Consultations.join_club({ auth, sphere: sphereArg(sphere) }))
    : profileCall(a, record, TAGS.LEAVE_CLUB, (auth) => a.api.tx.Consultations.leave_club({ auth, sphere: sphereArg(sphere) }));
}
