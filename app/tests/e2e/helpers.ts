// Steps the browser specs share.
import { expect, type Page } from '@playwright/test';

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
