// Who pays: a development account (derived from the well-known dev phrase: dev chains only), or
// an account of a polkadot.js-compatible browser extension.
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { getPolkadotSigner, type PolkadotSigner } from 'polkadot-api/signer';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';

export type Payer = { name: string; address: string; signer: PolkadotSigner };

/** The genesis presets' accounts, with the demo's credit members Anna and Boris. */
export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Anna', 'Boris'];

let derive: ReturnType<typeof sr25519CreateDerive> | undefined;

export function devAccount(name: string): Payer {
  derive ??= sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  const pair = derive(`//${name}`);
  return { name, address: ss58Address(pair.publicKey, 42), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
}

/** The accounts of every injected extension that lets this page in. */
export async function extensionAccounts(): Promise<Payer[]> {
  const out: Payer[] = [];
  for (const name of getInjectedExtensions()) {
    const ext = await connectInjectedExtension(name, 'Veche');
    for (const a of ext.getAccounts()) out.push({ name: a.name ?? name, address: a.address, signer: a.polkadotSigner });
  }
  return out;
}

/** Where the accounts this page can sign with come from. */
export type AccountSource = 'dev' | 'extension';

/** The accounts of `source`: the development accounts, or every injected extension's. */
export async function accountsFrom(source: AccountSource): Promise<Payer[]> {
  return source === 'dev' ? DEV_NAMES.map(devAccount) : extensionAccounts();
}
