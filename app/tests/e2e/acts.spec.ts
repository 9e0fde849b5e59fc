// The registry of acts as a citizen reads it, on the demo chain: the Republic's constitution and
// budget (from before the chain, with its payout schedule) and Birchwood's bill. The commission
// (sudo) adopts the bill and Bob, Head of Birchwood, signs it with his ML-DSA-65 key — the
// signature made here by @noble/post-quantum from the demo seed, checked by the runtime's fips204
// when it takes it and again in the page.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { blake2b } from '@noble/hashes/blake2.js';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { ACT_CONTEXT, versionMessage } from '../../src/features/acts/acts';
import { fromHex } from '../../src/lib/bytes';
import { open, submit } from './helpers';

const ws = process.env.VECHE_WS;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
const BILL = 2;

test.skip(!ws, 'needs a chain (VECHE_WS)');

/** `ms` as the value of a `datetime-local` input, in this machine's time zone. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('acts: browse and search, a bill adopted and signed, its signature verified in the page, the act as in force at a date, a copy of its text checked', async ({ page }) => {
  const client = createClient(getWsProvider(ws!));
  let now = 0;
  try {
    const api = client.getTypedApi(veche);
    // Adopted by the commission, signed by Bob with the demo signer's key (key 0).
    // (A retry finds it adopted and signed already.)
    const before = await api.view.Acts.act(BILL);
    if (before?.status.type === 'Bill')
      await submit(api.tx.Sudo.sudo({ call: api.tx.Acts.adopt({ act: BILL, version: 0, effective: undefined }).decodedCall }), 'Alice');
    const { genesisHash } = await client.getChainSpecData();
    const version = (await api.view.Acts.version(BILL, 0))!;
    const message = versionMessage(fromHex(genesisHash), BILL, 0, fromHex(version.content));
    const seed = blake2b(new TextEncoder().encode('veche-demo-signer-bob'), { dkLen: 32 });
    const signature = ml_dsa65.sign(message, ml_dsa65.keygen(seed).secretKey, { context: ACT_CONTEXT, extraEntropy: false });
    if ((await api.view.Acts.signatures(BILL, 0)).length === 0) await submit(api.tx.Acts.sign({ act: BILL, version: 0, key: 0, signature }), 'Bob');
    now = Number(await api.query.Timestamp.Now.getValue());
  } finally {
    client.destroy();
  }

  await open(page, ws, '#/acts');
  await expect(page.getByRole('heading', { name: 'Acts', level: 1 })).toBeVisible();
  await expect(page.getByTestId('act-0')).toContainText('Constitution of the Republic of Veche', { timeout: 60_000 });
  await expect(page.getByTestId('act-0')).toContainText('No. 1/2026');
  await expect(page.getByTestId('act-1')).toContainText('Budget');
  await expect(page.getByTestId(`act-${BILL}`)).toContainText('in force');
  // Search by words and by number; the kind filter.
  await page.getByLabel('Search by title').fill('budget veche');
  await expect(page.locator('[data-testid^="act-"]')).toHaveCount(1);
  await expect(page.getByTestId('act-1')).toBeVisible();
  await page.getByLabel('Search by title').fill('1/2026');
  await expect(page.locator('[data-testid^="act-"]')).toHaveCount(2); // the Republic's and Birchwood's first
  await page.getByLabel('Search by title').fill('');
  await page.getByLabel('Kind').selectOption('Budget');
  await expect(page.locator('[data-testid^="act-"]')).toHaveCount(1);
  await page.getByLabel('Kind').selectOption('');
  await page.getByLabel('Search by title').fill('no such act anywhere');
  await expect(page.getByTestId('acts-none')).toBeVisible();

  // The budget's payout schedule.
  await open(page, ws, '#/acts/1');
  await expect(page.getByTestId('act-title')).toHaveText('Budget of the Republic of Veche for 2026', { timeout: 60_000 });
  await expect(page.getByTestId('payouts').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('payout-0')).toContainText('500.000000000000');

  // The bill, now a law: Bob's signature verified here.
  await open(page, ws, `#/acts/${BILL}`);
  await expect(page.getByTestId('act-state')).toHaveText('in force', { timeout: 60_000 });
  await expect(page.getByTestId(`signature-0-0`)).toContainText('✓ ML-DSA-65 signature verified in this page');
  await expect(page.getByTestId('version-0')).toContainText('signatures complete at block');
  // As in force an hour ago it was a draft; now it is in force.
  await page.getByLabel('As in force on').fill(localInput(now - 3_600_000));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('as-of-result')).toHaveText(/^Block #\d+: draft$/);
  await page.getByLabel('As in force on').fill(localInput(now + 120_000));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('as-of-result')).toHaveText(/^Block #\d+: in force · version 1 in force$/);
  // The demo's text hashes are of the titles: a file holding the title is version 1; another is not.
  const dir = tmpdir();
  const good = join(dir, 'village-green.txt');
  const bad = join(dir, 'forged.txt');
  writeFileSync(good, 'Birchwood: on the village green and its upkeep');
  writeFileSync(bad, 'Birchwood: on the village green and its upkeep.');
  await page.getByLabel('Check a copy of the text').setInputFiles(good);
  await expect(page.getByTestId('copy-result')).toHaveText('“village-green.txt” is the text of version 1.');
  await page.getByLabel('Check a copy of the text').setInputFiles(bad);
  await expect(page.getByTestId('copy-result')).toHaveText('“forged.txt” is not the text of any version of this act.');
  await page.screenshot({ path: join(shots, 'act.png'), fullPage: true });
});
