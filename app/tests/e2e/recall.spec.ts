// Rating an official and recalling them in a real browser against veche-node --dev (the app e2e
// on veche-node tier: ratings, petitions, recalls and confidence votes are feeless general
// transactions, which chopsticks cannot take). Demo person 5, a Birchwood resident, imports their
// veche-client key file and rates Bob, the Head of Birchwood, opening his period 12 (a re-rating at
// once is refused by the pool, by name); opens a recall petition by signing it, then withdraws;
// starts a recall on period 11 (13 % approval, below the demo's 20 %); Bob responds from his own
// account; once the response window is over (100 blocks), moves the procedure on to its confidence vote, votes to remove, and sees the
// procedure in its voting stage with the vote counted.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { demoKeyInRing, importKey, open } from './helpers';

const ws = process.env.VECHE_NODE_WS;
const CLIENT = process.env.VECHE_CLIENT;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
test.skip(!ws || !CLIENT, 'VECHE_NODE_WS and VECHE_CLIENT unset: app/scripts/test.sh node runs this');

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
/** The ballots pallet's `RevoteCooldown` in the runtime: a minute of 6-second blocks. */
const REVOTE_COOLDOWN = 10;

let keyFile: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  // Its ring built before anything opens, so that the rating's, the petition's and the vote's
  // rolls, frozen when each opens, hold the key.
  keyFile = await demoKeyInRing(ws!, 5);
});

/** The block the page follows. */
const block = async (page: Page) => Number(/#(\d+)/.exec((await page.getByTestId('chain-status').textContent()) ?? '')?.[1]);

/** Waits until the page has followed the chain to block `n`. */
async function untilBlock(page: Page, n: number) {
  await expect.poll(() => block(page), { timeout: 300_000, intervals: [1000] }).toBeGreaterThanOrEqual(n);
}

/** The block number a result names ("… in block #123 0x…"). */
const blockIn = async (result: Locator) => Number(/block #(\d+)/.exec((await result.textContent()) ?? '')?.[1]);

test('a resident rates the Head of Birchwood, signs and withdraws from a petition, starts a recall on period 11 and votes in its confidence vote', async ({ page }) => {
  test.setTimeout(900_000);
  await importKey(page, ws, keyFile, 'demo person five');
  await open(page, ws, `#/officials/person/${BOB}`);
  const card = page.getByTestId('official-7');
  const result = card.getByTestId('action-result');
  await expect(card.getByTestId('live')).toHaveText('Not opened yet: the first rating opens it.', { timeout: 60_000 });

  // A rating: disapproval, Utilities 1 (reject), Budget 2 (poor). The first opens the period.
  await card.getByTestId('rate-disapprove').check();
  await card.getByText(/^Grades by sphere/).click();
  await card.getByTestId('grade-Utilities').selectOption('1');
  await card.getByTestId('grade-Budget').selectOption('2');
  await expect(card.getByTestId('rate')).toHaveText('Open the period and send my rating');
  await card.getByTestId('rate').click();
  await expect(result).toContainText('Your rating #1 is recorded in block', { timeout: 240_000 });
  const rated = await blockIn(result);

  // Rating again at once, within the re-vote cooldown: the pool refuses the ballot, and the screen
  // names the ballots error. (Done first, while the first rating is only blocks old.)
  await card.getByTestId('rate-approve').check();
  await expect(card.getByTestId('rate')).toHaveText('Send my rating');
  await card.getByTestId('rate').click();
  await expect(card.getByTestId('action-error')).toContainText('The chain refused: RevoteTooSoon', { timeout: 180_000 });

  // The period's counts and the chart's current column follow the first rating.
  await expect(card.getByTestId('live')).toContainText(/1 of \d+ rated so far \(turnout \d+%\)\.\s*Approval 0% \(0 approve, 1 disapprove\)\./, {
    timeout: 30_000,
  });
  await expect(card.getByTestId('approval-12')).toHaveText('0%');
  await expect(card.getByTestId('grade-Utilities-12')).toHaveText('1');
  await expect(card.getByTestId('grade-Budget-12')).toHaveText('2');
  await expect(card.getByTestId('grade-Transport-12')).toHaveCount(0);

  // A petition: none open; signing opens it first. A roll of Birchwood's few persons needs one.
  const petition = card.getByTestId('petition');
  await expect(petition).toContainText('No petition is open.');
  await card.getByTestId('petition-sign').click();
  await expect(result).toContainText('Your signature (ballot #1) is recorded in block', { timeout: 240_000 });
  const signed = await blockIn(result);
  await expect(petition).toContainText(/A petition is open until block #\d+: 1 signatures of the \d+ needed \(a roll of \d+\)\./, { timeout: 30_000 });
  await expect(card.getByTestId('start-recall-petition')).toBeVisible();
  // Withdrawn after the re-vote cooldown: a ballot for option 1 replaces the signature.
  await untilBlock(page, signed + REVOTE_COOLDOWN + 1);
  await card.getByTestId('petition-withdraw').click();
  await expect(result).toContainText('Your signature is withdrawn (ballot #2', { timeout: 240_000 });
  await expect(petition).toContainText(': 0 signatures of the', { timeout: 30_000 });
  await expect(card.getByTestId('start-recall-petition')).toHaveCount(0);
  expect(signed).toBeGreaterThan(rated);

  // A recall on period 11: anyone may start it, with no account.
  await card.getByTestId('start-recall-11').click();
  await expect(result).toContainText('Recall started in block', { timeout: 120_000 });
  const procedure = card.getByTestId('procedure');
  await expect(procedure.getByTestId('procedure-trigger')).toHaveText('Started on period 11: approval 13%, 70 of 120 rated.');
  await expect(procedure.getByTestId('procedure-stage')).toContainText(/Notice: the official may respond until block #\d+/);
  await expect(procedure.getByTestId('procedure-response')).toHaveText('No response yet.');
  await expect(card.getByTestId('recall-blocked')).toHaveText('No new recall: a procedure is under way.');
  await expect(card.getByTestId('start-recall-11')).toHaveCount(0);
  await expect(card.getByTestId('trigger-11')).toContainText('this period or a later one already started a recall');
  await expect(card.getByTestId('recall-record')).toContainText(/Procedure #\d+ \(notice at block #\d+\)\s+—\s+Started on period 11: [^—]+—\s+under way/);
  const responseEnd = Number(/until block #(\d+)/.exec((await procedure.getByTestId('procedure-stage').textContent()) ?? '')?.[1]);
  await expect(procedure.getByTestId('advance')).toHaveCount(0);

  // Bob answers the notice from his own account (a development account here): a response text,
  // recorded on chain by its BLAKE2b-256 hash. He has no promises on record to commit to.
  const respond = procedure.getByTestId('respond');
  await respond.getByText('Respond as the official').click();
  await expect(respond.getByTestId('respond-form')).toContainText('Responding as Bob');
  await expect(respond).toContainText('You have no open promises on record.');
  const answer = 'The water mains on Mill Lane are replaced by spring; the budget is published monthly.';
  await respond.getByTestId('respond-text').fill(answer);
  const hash = `0x${Buffer.from(blake2b(new TextEncoder().encode(answer), { dkLen: 32 })).toString('hex')}`;
  await expect(respond.getByTestId('respond-hash')).toHaveText(`The chain records the document by its BLAKE2b-256 hash: ${hash}`);
  await respond.getByTestId('respond-send').click();
  await expect(respond.getByTestId('respond-result')).toContainText('Response recorded in block #', { timeout: 120_000 });
  await expect(procedure.getByTestId('procedure-response')).toHaveText(
    new RegExp(`^Responded at block #\\d+: document ${hash.slice(0, 8)}…${hash.slice(-4)}; promises to put right: none named\\.$`),
    { timeout: 30_000 },
  );

  // After the response window anyone moves it on: the confidence vote opens.
  await untilBlock(page, responseEnd);
  await procedure.getByTestId('advance').click();
  await expect(result).toContainText('Moved on in block', { timeout: 120_000 });
  await expect(procedure.getByTestId('procedure-stage')).toContainText(/Confidence vote: poll #\d+, open until block #\d+: remove 0, keep 0; 0 ballots/, {
    timeout: 30_000,
  });
  await procedure.getByTestId('confidence-remove').check();
  await procedure.getByTestId('confidence-cast').click();
  await expect(result).toContainText('Your vote #1 is recorded in block', { timeout: 240_000 });
  await expect(procedure.getByTestId('procedure-stage')).toContainText(/: remove 1, keep 0; 1 ballots of a roll of \d+\./, { timeout: 30_000 });
  await expect(procedure.getByTestId('advance')).toHaveCount(0);
  await page.screenshot({ path: join(shots, 'recall-voting.png'), fullPage: true });

  // The unit's list of holders tells of the procedure too.
  await open(page, ws, '#/officials/unit/3');
  await expect(page.getByTestId('holder-summary-7')).toContainText(/approval 13% in period 11\s+·\s+recall procedure #\d+ under way/, { timeout: 60_000 });
});
