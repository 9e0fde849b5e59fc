// Steps the browser specs share.
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { devAccount } from '../../src/features/money/accounts';

/** Opens the app's `hash` route connected to the node at `ws` (if given). */
export const open = (page: Page, ws: string | undefined, hash: string) =>
  page.goto(ws ? `./?rpc=${encodeURIComponent(ws)}${hash}` : `./${hash}`);

/** Imports the veche-client key file `file` on the key screen, sealed with `passphrase`. */
export async function importKey(page: Page, ws: string | undefined, file: string, passphrase: string) {
  await open(page, ws, '#/key');
  await page.getByLabel('Key file from veche-client').setInputFiles(file);
  await page.locator('#import-pass').fill(passphrase);
  await page.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByTestId('member')).toHaveText(/^0x[0-9a-f]{64}$/, { timeout: 60_000 });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs veche-client (VECHE_CLIENT) with `args` and parses its JSON output. */
export const vecheClient = (...args: string[]) =>
  JSON.parse(execFileSync(process.env.VECHE_CLIENT!, args, { encoding: 'utf8', timeout: 300_000 }));

/**
 * Writes demo person `person`'s key file into a fresh directory and waits until its ring is built
 * on the node at `ws` (the ring builder's chunks are uploaded first, if nobody has yet).
 */
export async function demoKeyInRing(ws: string, person: number): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'veche-app-')), `demo-${person}.key`);
  vecheClient('upload-chunks', '--url', ws, '--suri', '//Alice');
  vecheClient('key', 'demo', '--person', String(person), '--out', file);
  for (let i = 0; ; i++) {
    const where = vecheClient('where', '--url', ws, '--key', file);
    if (where.revision >= 1 && where.covered === where.members) return file;
    if (i > 120) throw new Error(`ring not built: ${JSON.stringify(where)}`);
    await sleep(1000);
  }
}

type TxResult = { ok: boolean; dispatchError?: unknown; events: { type: string; value: unknown }[] };
type Signer = ReturnType<typeof devAccount>['signer'];

/** Submits `tx` signed by dev account `who`; fails the test unless it (and any call sudo made) succeeded. */
export async function submit(tx: { signAndSubmit: (s: Signer) => Promise<TxResult> }, who: string) {
  const r = await tx.signAndSubmit(devAccount(who).signer);
  expect(r.ok, JSON.stringify(r.dispatchError)).toBe(true);
  const sudid = r.events.find((e) => e.type === 'Sudo' && (e.value as { type: string }).type === 'Sudid');
  if (sudid) expect((sudid.value as { value: { sudo_result: { success: boolean } } }).value.sudo_result.success).toBe(true);
}
