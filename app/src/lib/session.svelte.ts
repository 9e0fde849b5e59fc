// The voter's key for this page's lifetime: the stored (encrypted) record, and the secret once
// unlocked. The secret lives only in this page's memory until it is locked or the page closes.
import * as keystore from './keystore';
import type { StoredKey } from './keystore';
import { fromHex } from './bytes';

export const session = $state<{ stored?: StoredKey; seed?: Uint8Array }>({
  stored: typeof localStorage === 'undefined' ? undefined : keystore.load(),
});

export function unlocked(): boolean {
  return session.seed !== undefined;
}

export function memberBytes(): Uint8Array | undefined {
  return session.stored ? fromHex(session.stored.member) : undefined;
}

export function lock() {
  session.seed?.fill(0);
  session.seed = undefined;
}
