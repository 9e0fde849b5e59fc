// Civic participation in a real browser against veche-node --dev (the app e2e on veche-node tier:
// profiles' calls are feeless general transactions, which chopsticks cannot take). Demo person 6,
// a Birchwood resident no other browser test uses, imports their key and opens a civic profile on
// #/civic (the proof made in the page; veche-client then finds the same profile from the key
// file, so the page derives the profile key as the Rust client does); proposes a consultation of
// Birchwood with three options (and a second from veche-client), which the commission admits
// (sudo); answers option 1 sealed and reads it back, answers the second and is a local expert;
// changes the first to option 2 (a responsible resident again: a change counts against the
// expert) and reads it back; posts an idea and grades it; after the
// close two trustees of the dev chain's public-seed key decrypt and anyone counts (veche-client);
// the page shows the counts and the winner, the person shows their agreement and sees the figure
// rise. The page warns throughout that the dev key is a test key; at the end it fits a phone.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { toHex } from '../../src/lib/bytes';
import { demoKeyInRing, importKey, open, sleep, submit, vecheClient } from './helpers';

const ws = process.env.VECHE_NODE_WS;
const CLIENT = process.env.VECHE_CLIENT;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
test.skip(!ws || !CLIENT, 'VECHE_NODE_WS and VECHE_CLIENT unset: app/scripts/test.sh node runs this');

const BIRCHWOOD = 3;
/** How long the consultation takes answers, in blocks (a second each on the dev node). */
const DURATION = 90;
const TITLE = 'Lighting on the lake path';
const TEXT = 'Should the lake path be lit at night? Option 1: no. Option 2: solar lamps. Option 3: mains lamps.';

let keyFile: string;
let client: PolkadotClient;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  keyFile = await demoKeyInRing(ws!, 6);
  client = createClient(getWsProvider(ws!));
});

test.afterAll(() => client?.destroy());

test('a Birchwood resident opens a civic profile, proposes a consultation, answers it sealed and shows agreement after the count', async ({ page }) => {
  test.setTimeout(900_000);
  const api = client.getTypedApi(veche);
  await importKey(page, ws, keyFile, 'demo person six');
  await open(page, ws, '#/civic');
  // The dev chain's trustees' key was made at genesis from public seeds: the page says so.
  await expect(page.getByTestId('civic-testkey')).toContainText('anyone can read answers sealed to this key', { timeout: 60_000 });

  // The profile: a proof of Birchwood's ring in this period's context, made in the page.
  await expect(page.getByTestId('civic-profile-none')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('civic-name').fill('Resident six');
  await page.getByTestId('civic-open').click();
  await expect(page.getByTestId('civic-done-profile')).toContainText('Profile opened in block', { timeout: 300_000 });
  await expect(page.getByTestId('civic-profile-id')).toContainText('Resident six', { timeout: 30_000 });
  const profile = Number(/#(\d+)/.exec((await page.getByTestId('civic-profile-id').textContent()) ?? '')?.[1]);
  await expect(page.getByTestId('civic-profile-period')).toContainText('the current one');
  await expect(page.getByTestId('civic-status-name')).toHaveText('Registered resident');
  // veche-client derives the profile key from the key file natively and finds the same profile.
  const native = vecheClient('civic', 'status', '--url', ws!, '--key', keyFile);
  expect(native.profile).toBe(profile);
  expect(native.name).toBe('Resident six');
  expect(native.constituency).toBe(BIRCHWOOD);
  await page.screenshot({ path: join(shots, 'civic-profile.png'), fullPage: true });

  // A proposal of Birchwood, which the commission admits.
  const consultation = await api.query.Consultations.NextConsultationId.getValue();
  const form = page.getByTestId('civic-propose');
  await form.getByTestId('civic-propose-unit').selectOption(String(BIRCHWOOD));
  await form.getByTestId('civic-propose-sphere').selectOption('Transport');
  await form.getByTestId('civic-propose-plan').check();
  await form.getByTestId('civic-propose-title').fill(TITLE);
  await form.getByTestId('civic-propose-text').fill(TEXT);
  await form.getByTestId('civic-propose-options').fill('3');
  await form.getByTestId('civic-propose-send').click();
  await expect(page.getByTestId('civic-done-propose')).toContainText('Consultation proposed in block', { timeout: 120_000 });
  const card = page.getByTestId(`civic-consultation-${consultation}`);
  const stage = card.getByTestId(`civic-stage-${consultation}`);
  await expect(stage).toHaveText('Proposed: awaiting the moderator', { timeout: 30_000 });
  const proposed = (await api.query.Consultations.Consultations.getValue(consultation))!;
  expect(proposed.proposer).toBe(profile);
  expect([proposed.unit, proposed.options, proposed.sphere.type, proposed.kind.type]).toEqual([BIRCHWOOD, 3, 'Transport', 'Plan']);
  expect(proposed.content).toBe(toHex(blake2b(new TextEncoder().encode(TEXT), { dkLen: 32 })));
  // A second consultation, proposed by the same profile from veche-client; the commission
  // admits both.
  const second = vecheClient('civic', 'propose', '--url', ws!, '--key', keyFile, '--unit', String(BIRCHWOOD), '--sphere', 'Transport', '--title', 'Winter gritting of the bridge', '--options', '2').consultation;
  for (const c of [consultation, second]) {
    const admit = api.tx.Consultations.admit({ consultation: c, duration: DURATION });
    await submit(api.tx.Sudo.sudo({ call: admit.decodedCall }), 'Alice');
  }
  await expect(stage).toContainText('Open for answers until block', { timeout: 60_000 });
  await expect(card.getByTestId(`civic-testkey-${consultation}`)).toBeVisible();

  // Option 1, sealed in the page; read back.
  const done = card.getByTestId(`civic-done-c${consultation}`);
  await card.getByTestId(`civic-option-${consultation}-0`).check();
  await card.getByTestId(`civic-answer-${consultation}`).click();
  await expect(done).toContainText('Answer sealed and recorded in block', { timeout: 120_000 });
  await expect(done).toContainText('(revision 0)');
  await expect(card.getByTestId(`civic-mine-${consultation}`)).toContainText('revision 0', { timeout: 30_000 });
  await card.getByTestId(`civic-read-${consultation}`).click();
  await expect(done).toHaveText('You answered: Option 1 (revision 0).', { timeout: 60_000 });
  // The second answered too, never changed, and a proposal this month: a local expert.
  const other = page.getByTestId(`civic-consultation-${second}`);
  await other.getByTestId(`civic-option-${second}-0`).check();
  await other.getByTestId(`civic-answer-${second}`).click();
  await expect(other.getByTestId(`civic-done-c${second}`)).toContainText('Answer sealed and recorded in block', { timeout: 120_000 });
  await expect(page.getByTestId('civic-status-name')).toHaveText('Local expert', { timeout: 30_000 });
  await expect(page.getByTestId('civic-figure-settled')).toHaveText('Answered and never changed: 2');
  await page.screenshot({ path: join(shots, 'civic-local-expert.png'), fullPage: true });

  // The first changed to option 2 (the next revision); read back.
  await card.getByTestId(`civic-option-${consultation}-1`).check();
  await expect(card.getByTestId(`civic-answer-${consultation}`)).toHaveText('Change my answer');
  await card.getByTestId(`civic-answer-${consultation}`).click();
  await expect(done).toContainText('Answer sealed and recorded in block', { timeout: 120_000 });
  await expect(done).toContainText('(revision 1)');
  await expect(card.getByTestId(`civic-mine-${consultation}`)).toContainText('revision 1', { timeout: 30_000 });
  await card.getByTestId(`civic-read-${consultation}`).click();
  await expect(done).toHaveText('You answered: Option 2 (revision 1).', { timeout: 60_000 });
  // The chain holds one answer and nothing readable: no counts before the close.
  const answered = (await api.query.Consultations.Consultations.getValue(consultation))!;
  expect([answered.answers, answered.counts.length]).toEqual([1, 0]);
  // A changed answer counts against the expert status: one of two settled is a responsible resident.
  await expect(page.getByTestId('civic-status-name')).toHaveText('Responsible resident', { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'civic-answered.png'), fullPage: true });

  // An idea on Birchwood's transport board, graded 4 ((4 + 6) / 3 with the two phantom 3s).
  const idea = await api.query.Consultations.NextIdeaId.getValue();
  const ideas = page.getByTestId('civic-ideas');
  await ideas.getByTestId('civic-ideas-unit').selectOption(String(BIRCHWOOD));
  await ideas.getByTestId('civic-ideas-sphere').selectOption('Transport');
  await ideas.getByTestId('civic-idea-title').fill('Bike racks at the school');
  await ideas.getByTestId('civic-idea-send').click();
  await expect(page.getByTestId('civic-done-ideas')).toContainText('Idea posted in block', { timeout: 120_000 });
  const entry = ideas.getByTestId(`civic-idea-${idea}`);
  await expect(entry).toContainText('Bike racks at the school', { timeout: 30_000 });
  await entry.getByTestId(`civic-idea-grade-${idea}`).selectOption('4');
  await entry.getByTestId(`civic-idea-rate-${idea}`).click();
  await expect(page.getByTestId('civic-done-ideas')).toContainText('Graded in block', { timeout: 120_000 });
  await expect(entry.getByTestId(`civic-idea-mine-${idea}`)).toHaveText('your grade: 4', { timeout: 30_000 });
  await expect(entry).toContainText('score 3.33, grades: 1');

  // The close; two of the three trustees decrypt the running sums, anyone publishes the counts.
  const info = (await api.query.Consultations.Consultations.getValue(consultation))!;
  const closes = info.stage.type === 'Open' ? info.stage.value.closes : 0;
  while ((await client.getFinalizedBlock()).number < closes) await sleep(2000);
  await expect(stage).toContainText('Closed at block', { timeout: 60_000 });
  await expect(card.getByTestId(`civic-answer-${consultation}`)).toHaveCount(0);
  for (const [suri, seed] of [
    ['//Alice', '1'],
    ['//Bob', '2'],
  ]) {
    vecheClient('trustee', 'decrypt', '--url', ws!, '--suri', suri, '--public-seed', seed, '--consultation', String(consultation));
  }
  const counted = vecheClient('civic', 'count', '--url', ws!, '--consultation', String(consultation), '--suri', '//Charlie');
  expect(counted.counts).toEqual([0, 1, 0]);

  // The page shows the result; the person's answer chose the winner, which they show.
  await expect(stage).toHaveText('Counted', { timeout: 60_000 });
  await expect(card.getByTestId(`civic-counts-${consultation}`)).toContainText('Option 2: 1');
  await expect(card.getByTestId(`civic-winner-${consultation}`)).toHaveText('Option 2 won.');
  const agreed = page.getByTestId('civic-figure-agreed');
  await expect(agreed).toHaveText('Answers shown to agree with the majority: 0');
  await card.getByTestId(`civic-claim-${consultation}`).click();
  await expect(done).toContainText('Agreement shown in block', { timeout: 120_000 });
  await expect(card.getByTestId(`civic-agreed-${consultation}`)).toBeVisible({ timeout: 30_000 });
  await expect(agreed).toHaveText('Answers shown to agree with the majority: 1');
  await expect(card.getByTestId(`civic-claim-${consultation}`)).toHaveCount(0);
  // Two consultations answered, one changed: still a responsible resident, not an expert.
  await expect(page.getByTestId('civic-status-name')).toHaveText('Responsible resident');
  await expect(page.getByTestId('civic-figure-settled')).toHaveText('Answered and never changed: 1');
  expect(vecheClient('civic', 'status', '--url', ws!, '--key', keyFile).agreed).toBe(1);
  await page.screenshot({ path: join(shots, 'civic-counted.png'), fullPage: true });

  // A 360-pixel phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(card).toBeVisible();
  const { overflow, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > width + 1);
    return {
      overflow: document.documentElement.scrollWidth - width,
      wide: over.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? e.className}]`),
    };
  });
  expect(overflow, `wider than the screen: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(shots, 'civic-phone.png'), fullPage: true });
});
