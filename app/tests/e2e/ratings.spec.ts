// An official's ratings and recall in a real browser against the demo chain (chopsticks in the app
// e2e tier, veche-node in the node tier; VECHE_WS names it): Bob, the Head of Birchwood, with the
// two periods imported at genesis (period 10: 55 % approval; period 11: 13 %, below the 20 % at
// which a recall may start, with 70 of 120 rating); the chart, the recall rules, which period may
// start a recall, in English and in Russian, and on a phone's width.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { open as openAt } from './helpers';

const ws = process.env.VECHE_WS;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

test.skip(!ws, 'VECHE_WS is not set: app/scripts/test.sh e2e starts the demo chain');

const open = (page: Page, hash: string) => openAt(page, ws, hash);

test('the Head of Birchwood’s ratings by period and sphere, the recall rules, and the period a recall may start on', async ({ page }) => {
  await open(page, '#/officials');
  await expect(page.getByTestId('chain-status')).toContainText('Block #', { timeout: 60_000 });
  for (const unit of ['Republic of Veche', 'Northern Region', 'Lake District', 'Birchwood']) await page.getByRole('link', { name: unit }).click();
  await expect(page.getByRole('heading', { name: 'Head of Birchwood (1 seats)' })).toBeVisible({ timeout: 30_000 });
  // The list of holders tells of the last closed period.
  const holder = page.getByTestId('holder-7');
  await expect(holder.getByTestId('holder-summary-7')).toHaveText('· approval 13% in period 11', { timeout: 30_000 });
  await holder.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/officials/person/${BOB}$`));
  await expect(page.getByTestId('portrait')).toContainText('Head of Birchwood: held since before the chain, until block #10512000');

  const card = page.getByTestId('official-7');
  await expect(card.getByRole('heading', { name: 'Ratings and recall: Head of Birchwood' })).toBeVisible();
  // Approval per period: the two imported ones, and the current one, not opened yet.
  await expect(card.getByTestId('approval-10')).toHaveText('55%', { timeout: 30_000 });
  await expect(card.getByTestId('approval-11')).toHaveText('13%');
  await expect(card.getByTestId('approval-12')).toHaveText('—');
  const approval = card.getByRole('img', { name: /Approval by rating period/ });
  await expect(approval).toHaveAccessibleDescription(
    'Period 10: approval 55%, 70 of 120 rated. Period 11: approval 13%, 70 of 120 rated. Period 12: not opened yet. A recall may start on a period below 20%.',
  );
  // The majority grade of each sphere graded, per period: worse in every sphere in period 11.
  const grades = { Budget: [3, 2], Utilities: [4, 2], Transport: [4, 3] };
  for (const [sphere, [g10, g11]] of Object.entries(grades)) {
    await expect(card.getByTestId(`grade-${sphere}-10`)).toHaveText(String(g10));
    await expect(card.getByTestId(`grade-${sphere}-11`)).toHaveText(String(g11));
  }
  await expect(card.getByTestId('chart-grades').locator('[data-testid^="grade-Health"]')).toHaveCount(0);
  await expect(card.getByRole('img', { name: /Majority grade by sphere and period/ })).toHaveAccessibleDescription(
    /^Budget: period 10 3 \(fair\), period 11 2 \(poor\), period 12 not graded\. Utilities: /,
  );
  await card.getByText('Show as a table').click();
  await expect(card.getByTestId('rating-table').getByRole('row', { name: /^11 / })).toHaveText(/11\s*13%\s*70 of 120\s*2\s*2\s*3/);

  // The current period, live.
  await expect(card.getByRole('heading', { name: 'This period: 12 (blocks #0–#432000)' })).toBeVisible();
  await expect(card.getByTestId('live')).toHaveText('Not opened yet: the first rating opens it.');
  await expect(card.getByText('Unlock your key to rate, sign or vote.').first()).toBeVisible();

  // The office's recall rules, and which closed period may start a recall.
  const rules = card.getByTestId('recall-rules');
  await expect(rules).toContainText('closed period with approval below 20% that at least 10% of the roll rated');
  await expect(rules).toContainText('a petition signed by 10% of the roll within 14400 blocks');
  await expect(rules).toContainText('100 blocks to respond');
  await expect(rules).toContainText('on confidence for 300 blocks, with 100 blocks of appeals after');
  await expect(rules).toContainText('a turnout of at least 25%');
  await expect(rules).not.toContainText('first'); // no grace in the demo's rules
  await expect(card.getByTestId('trigger-11')).toHaveText(
    /Period 11: approval 13%, below 20%, and 70 of 120 rated \(at least 12 needed\): a recall may start on it\./,
  );
  await expect(card.getByTestId('start-recall-11')).toBeVisible();
  await expect(card.getByTestId('trigger-10')).toHaveText('Period 10: approval 55%, not below 20%: no recall on it.');
  await expect(card.getByTestId('start-recall-10')).toHaveCount(0);
  await expect(card.getByTestId('recall-blocked')).toHaveCount(0);
  await expect(card.getByTestId('petition')).toContainText('No petition is open.');
  await expect(card.getByTestId('procedure')).toHaveCount(0);
  await expect(card.getByTestId('recall-record')).toHaveText('No recall procedures.');
  await page.screenshot({ path: join(shots, 'ratings-bob.png'), fullPage: true });

  await page.getByLabel('Language').selectOption('ru');
  await expect(card.getByRole('heading', { name: 'Оценки и отзыв: Head of Birchwood' })).toBeVisible();
  await expect(card.getByTestId('approval-10')).toHaveText('55 %');
  await expect(card.getByTestId('approval-11')).toHaveText('13 %');
  await expect(card.getByTestId('trigger-11')).toContainText(
    'Период 11: одобрение 13 %, ниже 20 %, оценили 70 из 120 (нужно не меньше 12): по нему может начаться отзыв.',
  );
  await expect(card.getByTestId('trigger-10')).toHaveText('Период 10: одобрение 55 %, не ниже 20 %: отзыва по нему нет.');
  await expect(card.getByRole('img', { name: /Одобрение по периодам оценки/ })).toHaveAccessibleDescription(/^Период 10: одобрение 55 %, оценили 70 из 120\./);
  await page.screenshot({ path: join(shots, 'ratings-bob-ru.png'), fullPage: true });
});

test('the ratings fit a 360-pixel screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, `#/officials/person/${BOB}`);
  const card = page.getByTestId('official-7');
  await expect(card.getByTestId('approval-11')).toHaveText('13%', { timeout: 60_000 });
  await card.getByText('Show as a table').click();
  // Nothing wider than the screen but the table, which scrolls in its own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const chart = await card.getByTestId('chart-approval').boundingBox();
  expect(chart!.width).toBeLessThanOrEqual(360);
  expect(chart!.width).toBeGreaterThan(250);
  await page.screenshot({ path: join(shots, 'phone-ratings.png'), fullPage: true });
});
