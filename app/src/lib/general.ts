// Feeless general transactions without a signer: ballots (`Ballots.cast`) and the calls anyone
// may make for nothing because the runtime authorizes them itself (`#[pallet::authorize]`:
// opening a rating period, a petition, a recall, moving a recall on). The pool checks such a call
// before taking it; a refusal comes back as `InvalidTransaction::Custom(index)` of the called
// pallet's error, which is named here from the runtime's metadata.
import type { PolkadotClient } from 'polkadot-api';
import { generalTransaction } from './ballot';
import { customCode, errorNames } from './errors';

/** Refused by the pool (`refused:<name — docs>`) or failed in its block (`failed:<error>`). */
export class GeneralError extends Error {}

/** A dispatch error as `Pallet.Error` when it is a pallet's, else as the chain gave it. */
export function dispatchErrorText(e: unknown): string {
  const m = e as { type?: string; value?: { type?: string; value?: { type?: string } } };
  if (m?.type === 'Module' && m.value?.type && m.value.value?.type) return `${m.value.type}.${m.value.value.type}`;
  return JSON.stringify(e, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Submits `call` (its SCALE bytes) as a general transaction and resolves with the finalized block
 * that took it (`#number hash`). A refusal by the pool throws `refused:` with the error of
 * `pallet` by name and documentation; unless `dispatchMayFail` (a ballot, whose fate the caller
 * reads from the chain), a call that failed in its block throws `failed:`.
 */
export async function submitGeneral(client: PolkadotClient, call: Uint8Array, pallet: string, dispatchMayFail = false): Promise<string> {
  let done;
  try {
    done = await client.submit(generalTransaction(call));
  } catch (e) {
    const code = customCode(e);
    const info = code === undefined ? undefined : (await errorNames(client, pallet)).get(code);
    const reason = info ? `${info.name} — ${info.docs}` : JSON.stringify((e as { error?: unknown }).error ?? (e instanceof Error ? e.message : e));
    throw new GeneralError(`refused:${reason}`);
  }
  if (!done.ok && !dispatchMayFail) throw new GeneralError(`failed:${dispatchErrorText(done.dispatchError)}`);
  return `#${done.block.number} ${done.block.hash}`;
}
