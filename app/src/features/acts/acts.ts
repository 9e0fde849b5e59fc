// The registry of acts as the chain shows it (the `Acts` view functions), and what the page
// checks itself: every ML-DSA-65 signature of every version, verified here against the message it
// must sign (built here from the chain's genesis hash, the act, the version and its text's hash),
// and a copy of an act's text against the hashes the chain keeps.
import type { PolkadotClient } from 'polkadot-api';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import type { Api } from '../../lib/chain.svelte';
import { concat, equal, fromHex, text, toHex } from '../../lib/bytes';

/** The context every act's signature is made with (`pallet_veche_acts::mldsa::ACT_CONTEXT`). */
export const ACT_CONTEXT = new TextEncoder().encode('veche/acts/sign-version/v1');
/** The context of a key's proof of possession (`KEY_CONTEXT`): a signature made with it signs no act. */
export const KEY_CONTEXT = new TextEncoder().encode('veche/acts/register-key/v1');

export const KINDS = ['Bill', 'Law', 'Decree', 'Resolution', 'Budget', 'OfficialResponse', 'AppealDecision', 'PromiseEvidence'] as const;
export type Kind = (typeof KINDS)[number];
export type State = 'Bill' | 'Adopted' | 'InForce' | 'Amended' | 'Rejected' | 'Repealed';

export type ActSummary = {
  id: number;
  kind: Kind;
  unit: number;
  office: number;
  title: string;
  number?: { year: number; seq: number };
  state: State;
  versions: number;
  tabled: number;
  repealedFrom?: number;
};

export type VersionView = {
  index: number;
  content: string;
  locator: string;
  amends?: number;
  proposed: number;
  adopted?: { at: number; effective: number };
  signed?: number;
  signers: number;
};

export type SignatureCheck = {
  version: number;
  key: number;
  holder: string;
  office: number;
  at: number;
  revoked?: number;
  /** Whether the signature verifies here, over the message built here, with the act context. */
  valid: boolean;
};

export type DeadlineView = {
  index: number;
  kind: 'ResponseDue' | 'Review';
  office: number;
  due: number;
  met?: { at: number; answer?: number };
  state: 'Pending' | 'Overdue' | 'Met' | 'MetLate';
};

export type PayoutView = { index: number; to: string; amount: bigint; due: number; paid?: number };

/** Bytes the chain gives as hex (fixed-size arrays) or as bytes (bounded vectors). */
const bytesOf = (x: Uint8Array | string): Uint8Array => (typeof x === 'string' ? fromHex(x) : x);

type RawAct = NonNullable<Awaited<ReturnType<Api['view']['Acts']['act']>>>;

function summary(id: number, a: RawAct, state: State): ActSummary {
  return {
    id,
    kind: a.kind.type as Kind,
    unit: a.unit,
    office: a.office,
    title: text(a.title),
    number: a.number ? { year: a.number.year, seq: a.number.seq } : undefined,
    state,
    versions: a.versions,
    tabled: a.tabled,
    repealedFrom: a.status.type === 'Repealed' ? a.status.value.from : undefined,
  };
}

/** The newest `count` acts (at most 100), newest first, each with where it stands now. */
export async function listActs(api: Api, count = 100): Promise<ActSummary[]> {
  const rows = await api.view.Acts.acts(0xffffffff, count);
  return rows.map(([id, a, s]) => summary(id, a, s.type as State));
}

/** An act's number as people write it: `2/2026`. */
export function numberText(n: ActSummary['number']): string {
  return n ? `${n.seq}/${n.year}` : '';
}

/**
 * Whether `act` answers `query`: words of its title (any case), its number (`2/2026`, `2026/2`),
 * or its id (`#5`). An empty query matches everything.
 */
export function matches(act: ActSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (/^#\d+$/.test(q)) return act.id === Number(q.slice(1));
  const num = /^(\d+)\s*\/\s*(\d+)$/.exec(q);
  if (num && act.number) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    if ((a === act.number.seq && b === act.number.year) || (a === act.number.year && b === act.number.seq)) return true;
  }
  const title = act.title.toLowerCase();
  return q.split(/\s+/).every((word) => title.includes(word));
}

/**
 * The message the signers of `version` of `act` sign: the SCALE encoding of
 * `(genesis_hash: [u8; 32], act: u32, version: u32, content: [u8; 32])`.
 */
export function versionMessage(genesis: Uint8Array, act: number, version: number, content: Uint8Array): Uint8Array {
  if (genesis.length !== 32 || content.length !== 32) throw new RangeError('a hash is 32 bytes');
  const ids = new Uint8Array(8);
  const view = new DataView(ids.buffer);
  view.setUint32(0, act, true);
  view.setUint32(4, version, true);
  return concat(genesis, ids, content);
}

/** Whether `signature` is an ML-DSA-65 signature of `message` by `publicKey`, made for an act. */
export function verifyActSignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ml_dsa65.verify(signature, message, publicKey, { context: ACT_CONTEXT });
  } catch {
    return false;
  }
}

/** The hash the chain knows a text by: BLAKE2b-256 of its bytes. */
export function contentHash(bytes: Uint8Array): string {
  return toHex(Blake2256(bytes));
}

/** The versions of `versions` whose text is `bytes` (usually one, or none). */
export function versionsOfCopy(versions: VersionView[], bytes: Uint8Array): number[] {
  const hash = contentHash(bytes);
  return versions.filter((v) => v.content === hash).map((v) => v.index);
}

/**
 * The block at instant `ms` (milliseconds since the epoch), reckoned from a known block and its
 * timestamp at `msPerBlock`: exact on a chain that made every block in its slot, an estimate
 * otherwise (the page says so). Never below block 0.
 */
export function blockAt(ms: number, known: { block: number; ms: number }, msPerBlock: number): number {
  return Math.max(0, known.block + Math.floor((ms - known.ms) / msPerBlock));
}

export type ActDetail = {
  act: ActSummary;
  versions: VersionView[];
  signatures: SignatureCheck[];
  deadlines: DeadlineView[];
  payouts: PayoutView[];
  /** The chain's own message for each version, to show that the page's agrees. */
  messagesAgree: boolean;
};

/** Everything about act `id` now, its signatures verified in this page. */
export async function actDetail(api: Api, client: PolkadotClient, id: number, now: number): Promise<ActDetail | undefined> {
  const [raw, state] = await Promise.all([api.view.Acts.act(id), api.view.Acts.state(id, now)]);
  if (!raw || !state) return undefined;
  const act = summary(id, raw, state.type as State);
  const { genesisHash } = await client.getChainSpecData();
  const genesis = fromHex(genesisHash);
  const indices = [...Array(act.versions).keys()];
  const [rawVersions, rawSignatures, rawDeadlines, rawPayouts, chainMessages] = await Promise.all([
    Promise.all(indices.map((v) => api.view.Acts.version(id, v))),
    Promise.all(indices.map((v) => api.view.Acts.signatures(id, v))),
    api.view.Acts.deadlines(id, now),
    api.view.Acts.payouts(id),
    Promise.all(indices.map((v) => api.view.Acts.version_message_of(id, v))),
  ]);
  const versions: VersionView[] = [];
  rawVersions.forEach((v, index) => {
    if (!v) return;
    versions.push({
      index,
      content: v.content,
      locator: text(v.locator),
      amends: v.amends,
      proposed: v.proposed,
      adopted: v.adopted ? { at: v.adopted[0], effective: v.adopted[1] } : undefined,
      signed: v.signed,
      signers: v.signers.length,
    });
  });
  let messagesAgree = true;
  const signatures: SignatureCheck[] = [];
  for (const v of versions) {
    const message = versionMessage(genesis, id, v.index, fromHex(v.content));
    const theirs = chainMessages[v.index];
    if (theirs !== undefined && !equal(theirs, message)) messagesAgree = false;
    for (const [key, holder, signature] of rawSignatures[v.index] ?? []) {
      signatures.push({
        version: v.index,
        key,
        holder: holder.owner,
        office: holder.office,
        at: signature.at,
        revoked: holder.revoked,
        valid: verifyActSignature(fromHex(holder.public), message, bytesOf(signature.bytes)),
      });
    }
  }
  const deadlines: DeadlineView[] = rawDeadlines.map(([index, d, s]) => ({
    index,
    kind: d.kind.type,
    office: d.office,
    due: d.due,
    met: d.met ? { at: d.met[0], answer: d.met[1] } : undefined,
    state: s.type,
  }));
  const payouts: PayoutView[] = rawPayouts.map((p, index) => ({ index, to: p.to, amount: p.amount, due: p.due, paid: p.paid }));
  return { act, versions, signatures, deadlines, payouts, messagesAgree };
}

/** The version of act `id` in force at block `at` and where the act stood then. */
export async function asOf(api: Api, id: number, at: number): Promise<{ version?: number; state?: State }> {
  const [inForce, state] = await Promise.all([api.view.Acts.in_force(id, at), api.view.Acts.state(id, at)]);
  return { version: inForce?.[0], state: state?.type as State | undefined };
}
