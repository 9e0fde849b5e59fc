// The voter's ring secret in the browser: 32 random bytes, kept in localStorage only encrypted
// with the voter's passphrase (PBKDF2-SHA-256, 600,000 rounds, then AES-256-GCM, all WebCrypto).
// The key file of veche-client (the secret as hex, one line) imports and exports as is.
import { fromHex, toHex } from './bytes';

/** What localStorage holds: no secret in the clear. */
export interface StoredKey {
  version: 1;
  /** The public ring key, hex: shown while the key is locked. */
  member: string;
  salt: string;
  iv: string;
  iterations: number;
  ciphertext: string;
  created: string;
}

export const STORAGE_KEY = 'veche.voter-key.v1';
export const ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 8;

export class KeyError extends Error {}

/** A fresh secret from the browser's secure randomness. */
export function generateSeed(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The secret in a veche-client key file (hex, with or without 0x, surrounding space ignored). */
export function parseKeyFile(text: string): Uint8Array {
  let seed: Uint8Array;
  try {
    seed = fromHex(text);
  } catch {
    throw new KeyError('key-file-not-hex');
  }
  if (seed.length !== 32) throw new KeyError('key-file-wrong-length');
  return seed;
}

/** A veche-client key file of `seed`. */
export function keyFileText(seed: Uint8Array): string {
  return `${toHex(seed)}\n`;
}

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `seed` under `passphrase`; `member` is its public key, stored beside it. */
export async function seal(seed: Uint8Array, passphrase: string, member: Uint8Array, iterations = ITERATIONS): Promise<StoredKey> {
  if (passphrase.length < MIN_PASSPHRASE) throw new KeyError('passphrase-too-short');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(passphrase, salt, iterations);
  // The public key is authenticated with the secret: a swapped `member` fails to open.
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: member as BufferSource }, key, seed as BufferSource),
  );
  return {
    version: 1,
    member: toHex(member),
    salt: toHex(salt),
    iv: toHex(iv),
    iterations,
    ciphertext: toHex(ciphertext),
    created: new Date().toISOString(),
  };
}

/** The secret of `stored`; throws `wrong-passphrase` if the passphrase (or the record) is wrong. */
export async function open(stored: StoredKey, passphrase: string): Promise<Uint8Array> {
  if (stored.version !== 1) throw new KeyError('unknown-key-format');
  const key = await wrappingKey(passphrase, fromHex(stored.salt), stored.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromHex(stored.iv) as BufferSource, additionalData: fromHex(stored.member) as BufferSource },
      key,
      fromHex(stored.ciphertext) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new KeyError('wrong-passphrase');
  }
}

/** The stored key, if any. */
export function load(storage: Storage = localStorage): StoredKey | undefined {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  const parsed = JSON.parse(raw) as StoredKey;
  return parsed.version === 1 ? parsed : undefined;
}

export function save(stored: StoredKey, storage: Storage = localStorage) {
  storage.setItem(STORAGE_KEY, JSON.stringify(stored));
}

export function forget(storage: Storage = localStorage) {
  storage.removeItem(STORAGE_KEY);
}
