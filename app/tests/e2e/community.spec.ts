// The officials' records and community money in a real browser against the demo chain (served
// by chopsticks in the app e2e tier; VECHE_WS names it).
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { blake2b } from '@noble/hashes/blake2.js';
import { devAccount } from '../../src/features/money/accounts';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { importKey, open as openAt } from './helpers';

const ws = process.env.VECHE_WS;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

test.skip(!ws, 'VECHE_WS is not set: app/scripts/test.sh e2e starts the demo chain');

const open = (page: Page, hash: string) => openAt(page, ws, hash);

/** A displayed amount ("12.34 BWH", "−1.50 BWH") in smallest units. */
const smallest = (s: string | null) => {
  const [n] = (s ?? '').replace('−', '-').split(' ');
  return Math.round(Number(n) * 100);
};

test('the unit tree leads to an office, and a candidate’s record lists their promises with statuses', async ({ page }) => {
  await open(page, '#/officials');
  await expect(page.getByTestId('chain-status')).toContainText('Block #', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Republic of Veche' }).click();
  await page.getByRole('link', { name: 'Northern Region' }).click();
  await page.getByRole('link', { name: 'Lake District' }).click();
  await page.getByRole('link', { name: 'Birchwood' }).click();
  await expect(page.getByRole('heading', { name: 'Birchwood village council (7 seats)' })).toBeVisible();
  // Its policy spheres (a council answers for all twenty until governance narrows it).
  await expect(page.getByText('Answers for every policy sphere.').first()).toBeVisible();
  await expect(page.getByText('Nobody holds this office now.')).toBeVisible();

  await page.getByLabel('Look up a person by account').fill('not an address');
  await page.getByRole('button', { name: 'Show the record' }).click();
  await expect(page.getByRole('alert')).toHaveText('That is not an account address.');

  await page.getByLabel('Look up a person by account').fill(CHARLIE);
  await page.getByRole('button', { name: 'Show the record' }).click();
  const portrait = page.getByTestId('portrait');
  await expect(portrait).toContainText('Election 0, office Birchwood village council: Running', { timeout: 30_000 });
  // Charlie's three demo promises, unrated, each with its history.
  const promises = portrait.locator('[data-testid^="promise-"]');
  await expect(promises).toHaveCount(3);
  await expect(promises.first()).toContainText('Not yet rated');
  await promises.first().getByText('History').click();
  await expect(promises.first()).toContainText('Made at block #');
  await page.screenshot({ path: join(shots, 'portrait-charlie.png'), fullPage: true });
  await page.getByLabel('Language').selectOption('uk');
  await expect(promises.first()).toContainText('Ще не оцінено');
});

test('a member without the native token pays in her currency and across to another, and a member saves', async ({ page }) => {
  await open(page, '#/money');
  await expect(page.getByTestId('chain-status')).toContainText('Block #', { timeout: 60_000 });
  await page.getByTestId('payer').selectOption(devAccount('Anna').address);
  const balance = page.getByTestId('balance-0');
  await expect(balance).toContainText('BWH', { timeout: 30_000 });
  const before = smallest(await balance.textContent());

  // A wrong amount is refused before anything is signed.
  await page.getByLabel('To (account address)').fill(BOB);
  await page.getByLabel('Amount').fill('1.234');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('money-error')).toHaveText('Enter a positive amount with at most 2 decimals.');

  await page.getByLabel('Amount').fill('12');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('money-result')).toContainText('Paid in block #', { timeout: 60_000 });
  await expect.poll(async () => smallest(await balance.textContent())).toBe(before - 1200);

  // Across: 4.000 Novgorod grivnas to Boris cost 1.00 Birchwood hour (values 20 and 5).
  await page.getByLabel('Payee’s currency').selectOption({ index: 1 });
  await page.getByLabel('To (account address)').fill(devAccount('Boris').address);
  await page.getByLabel('Amount').fill('4');
  await expect(page.getByTestId('quote')).toHaveText('Costs 1.00 BWH');
  await page.screenshot({ path: join(shots, 'money-anna.png'), fullPage: true });
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('money-result')).toContainText('Paid in block #', { timeout: 60_000 });
  await expect.poll(async () => smallest(await balance.textContent())).toBe(before - 1200 - 100);

  // Bob, paid 12.00, moves 5.00 into savings, where demurrage does not reach.
  await page.getByTestId('payer').selectOption(devAccount('Bob').address);
  await page.getByLabel('Pay from (your currency)').selectOption({ index: 0 });
  const savings = page.getByTestId('savings-0');
  await expect(savings).toContainText('BWH', { timeout: 30_000 });
  const saved = smallest(await savings.textContent());
  await page.getByLabel('Amount').fill('5');
  await page.getByRole('button', { name: 'Move to savings' }).click();
  await expect(page.getByTestId('money-result')).toContainText('Saved in block #', { timeout: 60_000 });
  await expect.poll(async () => smallest(await savings.textContent())).toBe(saved + 500);
});

test('where a key stands: a demo person’s ring still being built; a new key not registered, then registered and waiting for its cohort', async ({ page }) => {
  // On the demo chain served by chopsticks nobody has uploaded the ring builder's chunks: the
  // genesis cohort sits in its rings, which are not built yet.
  const seed = blake2b(new TextEncoder().encode('veche-demo-person-1'), { dkLen: 32 });
  const file = join(tmpdir(), `veche-demo-1-${process.pid}.txt`);
  writeFileSync(file, `0x${Buffer.from(seed).toString('hex')}\n`);
  await importKey(page, ws, file, 'demo person one');
  await page.getByRole('button', { name: 'Check my registration' }).click();
  await expect(page.getByTestId('key-status')).toHaveText(
    'In ring 0 of constituency Diaspora in Germany, which is still being built (0 of 4 members committed): it votes once the ring is built.',
    { timeout: 30_000 },
  );
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove the key from this browser' }).click();
  await page.locator('#new-pass').fill('a fresh voter');
  await page.locator('#new-pass2').fill('a fresh voter');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('member')).toHaveText(/^0x/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Check my registration' }).click();
  await expect(page.getByTestId('key-status')).toHaveText('Not registered: no person holds this key.');

  // Dave, the demo registrar, registers the new key in Birchwood: it waits for its cohort.
  const member = (await page.getByTestId('member').textContent())!;
  const client = createClient(getWsProvider(ws!));
  try {
    const api = client.getTypedApi(veche);
    const tag = `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex')}`;
    const r = await api.tx.Personhood.register({ tag, key: member, constituency: 3 }).signAndSubmit(devAccount('Dave').signer);
    expect(r.ok).toBe(true);
  } finally {
    client.destroy();
  }
  await page.getByRole('button', { name: 'Check my registration' }).click();
  await expect(page.getByTestId('key-status')).toHaveText('Registered in Birchwood: waiting for its cohort to enter a ring.');
});
