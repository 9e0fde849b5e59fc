import { describe, expect, it } from 'vitest';
import {
  advanceDue,
  chartData,
  lastColumns,
  majorityGrade,
  percent,
  perbillCeil,
  petitionOpen,
  quorumNeeded,
  ratingChoice,
  ratingTrigger,
  recallBlocker,
  signaturesNeeded,
  termFirstPeriod,
  type PeriodView,
} from '../../src/features/officials/ratings';
import { SPHERES } from '../../src/features/officials/records';

const bits = (...names: string[]) => names.reduce((b, n) => b | (1 << SPHERES.indexOf(n as (typeof SPHERES)[number])), 0);
const ALL = (1 << 20) - 1;

/** A period of the demo's Head of Birchwood (runtime/src/genesis_config_presets.rs, `demo_ratings`). */
function demoPeriod(period: number, approvals: number, disapprovals: number, grades: Record<string, number[]>, closed = true): PeriodView {
  const sides = approvals + disapprovals;
  return {
    office: 7,
    period,
    start: 0,
    end: 0,
    closed,
    roll_size: 120,
    raters: 70,
    approvals: BigInt(approvals),
    disapprovals: BigInt(disapprovals),
    // Perbill::from_rational rounds down.
    approval: Math.floor((approvals * 1e9) / Math.max(sides, 1)),
    turnout: Math.floor((70 * 1e9) / 120),
    spheres: SPHERES.map((sphere) => ({ sphere, histogram: (grades[sphere] ?? [0, 0, 0, 0, 0, 0]).map(BigInt) })),
  };
}
const PERIOD_10 = demoPeriod(10, 38, 31, {
  Budget: [5, 10, 18, 16, 10, 3],
  Utilities: [6, 9, 14, 20, 12, 4],
  Transport: [3, 8, 15, 21, 14, 5],
});
const PERIOD_11 = demoPeriod(11, 9, 61, {
  Budget: [25, 19, 12, 6, 3, 1],
  Utilities: [31, 20, 9, 5, 3, 1],
  Transport: [12, 18, 17, 12, 6, 2],
});
const RULES = { threshold: 200_000_000, quorum: 100_000_000, petition: 100_000_000, grace: 0, cooldown: 14_400 };

describe('a rating’s choice', () => {
  it('approves or not, then grades the set’s spheres in declaration order, whatever order they were chosen in', () => {
    const set = bits('Transport', 'Budget', 'Utilities');
    // Budget (1) < Utilities (7) < Transport (8).
    expect(ratingChoice(set, true, { Transport: 2, Budget: 6, Utilities: 4 })).toEqual([0, 6, 4, 2]);
    expect(ratingChoice(set, false, { Utilities: 2 })).toEqual([1, 0, 2]);
  });

  it('leaves trailing zeros out, down to the approval alone', () => {
    const set = bits('Budget', 'Utilities', 'Transport');
    expect(ratingChoice(set, false, { Budget: 1 })).toEqual([1, 1]);
    expect(ratingChoice(set, true, {})).toEqual([0]);
    expect(ratingChoice(set, true, { Budget: 0, Transport: undefined })).toEqual([0]);
  });

  it('places a grade by the sphere’s place in the set, not in the list of twenty', () => {
    // Every sphere: Transport is the ninth byte after the approval.
    const choice = ratingChoice(ALL, true, { Transport: 3 });
    expect(choice).toHaveLength(1 + 9);
    expect(choice[9]).toBe(3);
    expect(ratingChoice(ALL, false, { Participation: 6 })).toHaveLength(21);
  });

  it('refuses a sphere the office does not answer for, and grades outside 1..6', () => {
    const set = bits('Budget', 'Utilities');
    expect(() => ratingChoice(set, true, { Health: 3 })).toThrow('sphere-not-rated');
    expect(() => ratingChoice(set, true, { Weather: 3 })).toThrow('sphere-not-rated');
    expect(() => ratingChoice(set, true, { Budget: 7 })).toThrow('grade-out-of-range');
    expect(() => ratingChoice(set, true, { Budget: -1 })).toThrow('grade-out-of-range');
    expect(() => ratingChoice(set, true, { Budget: 2.5 })).toThrow('grade-out-of-range');
  });
});

describe('shares of Perbill', () => {
  it('reads as whole percentages, or with decimals', () => {
    expect(percent(PERIOD_10.approval)).toBe(55);
    expect(percent(PERIOD_11.approval)).toBe(13);
    expect(percent(583_333_333)).toBe(58);
    expect(percent(583_333_333, 1)).toBe(58.3);
    expect(percent(0)).toBe(0);
    expect(percent(1_000_000_000)).toBe(100);
  });

  it('rounds a share of a count up, as Perbill::mul_ceil', () => {
    expect(perbillCeil(100_000_000, 120)).toBe(12);
    expect(perbillCeil(100_000_000, 121)).toBe(13);
    expect(perbillCeil(100_000_000, 4)).toBe(1);
    expect(perbillCeil(1, 1)).toBe(1);
    expect(perbillCeil(0, 1000)).toBe(0);
    expect(perbillCeil(1_000_000_000, 4_294_967_295)).toBe(4_294_967_295);
  });

  it('needs a petition signed by its share of the roll, and at least one signature', () => {
    expect(signaturesNeeded(100_000_000, 120)).toBe(12);
    expect(signaturesNeeded(100_000_000, 125)).toBe(13);
    expect(signaturesNeeded(100_000_000, 4)).toBe(1);
    expect(signaturesNeeded(100_000_000, 0)).toBe(1);
    expect(signaturesNeeded(333_333_334, 3)).toBe(2);
    expect(quorumNeeded(100_000_000, 120)).toBe(12);
  });
});

describe('majority grades', () => {
  it('is the lower median: the grade at place (n − 1) / 2 from the worst', () => {
    expect(majorityGrade([0, 0, 1, 0, 0, 0])).toEqual({ grade: 3, above: 0n, below: 0n });
    // Two grades, 2 and 5: the lower one.
    expect(majorityGrade([0, 1, 0, 0, 1, 0])?.grade).toBe(2);
    // Three: the middle one.
    expect(majorityGrade([1, 0, 0, 1, 0, 1])?.grade).toBe(4);
    // Half reject, half excellent: reject.
    expect(majorityGrade([5, 0, 0, 0, 0, 5])).toEqual({ grade: 1, above: 5n, below: 0n });
    expect(majorityGrade([0, 0, 0, 0, 0, 0])).toBeUndefined();
    expect(majorityGrade([2n ** 62n, 0n, 0n, 0n, 0n, 2n ** 62n + 1n])?.grade).toBe(6);
  });

  it('gives the demo’s grades, with the gauges the chain reports', () => {
    // What Ratings.history returns for Bob in office 7 on the demo chain.
    expect(majorityGrade([5, 10, 18, 16, 10, 3])).toEqual({ grade: 3, above: 29n, below: 15n });
    expect(majorityGrade([6, 9, 14, 20, 12, 4])).toEqual({ grade: 4, above: 16n, below: 29n });
    expect(majorityGrade([3, 8, 15, 21, 14, 5])).toEqual({ grade: 4, above: 19n, below: 26n });
    expect(majorityGrade([25, 19, 12, 6, 3, 1])).toEqual({ grade: 2, above: 22n, below: 25n });
    expect(majorityGrade([31, 20, 9, 5, 3, 1])).toEqual({ grade: 2, above: 18n, below: 31n });
    expect(majorityGrade([12, 18, 17, 12, 6, 2])).toEqual({ grade: 3, above: 20n, below: 30n });
  });
});

describe('the chart', () => {
  it('has a column per period, oldest first, the current one last, with each approval share', () => {
    const chart = chartData([PERIOD_11, PERIOD_10], 12);
    expect(chart.periods.map((p) => p.period)).toEqual([10, 11, 12]);
    expect(chart.periods[0].approval).toBeCloseTo(38 / 69);
    expect(chart.periods[1].approval).toBeCloseTo(9 / 70);
    expect(chart.periods[0]).toMatchObject({ raters: 70, rollSize: 120, live: false, unopened: false });
    expect(chart.periods[2]).toMatchObject({ period: 12, live: true, unopened: true });
    expect(chart.periods[2].approval).toBeUndefined();
  });

  it('rows the spheres someone graded, in declaration order, with each period’s majority grade', () => {
    const chart = chartData([PERIOD_10, PERIOD_11], 12);
    expect(chart.spheres).toEqual([
      { sphere: 'Budget', grades: [3, 2, undefined] },
      { sphere: 'Utilities', grades: [4, 2, undefined] },
      { sphere: 'Transport', grades: [4, 3, undefined] },
    ]);
  });

  it('shows a live period as live, and no approval while nobody took a side', () => {
    const live = { ...demoPeriod(12, 0, 0, { Health: [0, 0, 0, 1, 0, 0] }, false), raters: 1, roll_size: 4 };
    const chart = chartData([PERIOD_11, live], 12);
    expect(chart.periods.map((p) => p.period)).toEqual([11, 12]);
    expect(chart.periods[1]).toMatchObject({ approval: undefined, live: true, unopened: false, raters: 1, rollSize: 4 });
    expect(chart.spheres.map((s) => s.sphere)).toEqual(['Budget', 'Health', 'Utilities', 'Transport']);
    expect(chart.spheres[1].grades).toEqual([undefined, 4]);
    expect(chartData([], 12)).toEqual({ periods: [{ period: 12, raters: 0, rollSize: 0, live: true, unopened: true }], spheres: [] });
  });
});

describe('the chart’s drawing', () => {
  it('keeps to the latest periods of a long history, grades and all', () => {
    const history = Array.from({ length: 15 }, (_, i) => demoPeriod(i, 1, 1, { Budget: [0, 0, 0, 0, 0, i % 6 === 5 ? 0 : 1] }));
    const chart = chartData(history, 15);
    expect(chart.periods).toHaveLength(16);
    const drawn = lastColumns(chart, 12);
    expect(drawn.periods.map((p) => p.period)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(drawn.spheres[0].grades).toEqual([6, undefined, 6, 6, 6, 6, 6, undefined, 6, 6, 6, undefined]);
    expect(lastColumns(chartData([PERIOD_10], 12), 12).periods).toHaveLength(2);
  });
});

describe('when a recall may start', () => {
  it('starts on period 11 of the demo (13 % < 20 %, 70 of 120 rated ≥ 12) but not on period 10 (55 %)', () => {
    expect(ratingTrigger(PERIOD_11, RULES)).toBe('ok');
    expect(ratingTrigger(PERIOD_10, RULES)).toBe('approval-not-low');
  });

  it('needs the period closed, in the term, unused, and a quorum rating', () => {
    expect(ratingTrigger({ ...PERIOD_11, closed: false }, RULES)).toBe('not-closed');
    expect(ratingTrigger(PERIOD_11, RULES, 12)).toBe('before-term');
    expect(ratingTrigger(PERIOD_11, RULES, 0, 11)).toBe('already-used');
    expect(ratingTrigger(PERIOD_11, RULES, 0, 10)).toBe('ok');
    expect(ratingTrigger({ ...PERIOD_11, raters: 11 }, RULES)).toBe('quorum-not-met');
    expect(ratingTrigger({ ...PERIOD_11, raters: 12 }, RULES)).toBe('ok');
    expect(ratingTrigger({ ...PERIOD_11, raters: 0, roll_size: 0 }, RULES)).toBe('quorum-not-met');
    // Exactly at the threshold is not below it.
    expect(ratingTrigger({ ...PERIOD_11, approval: 200_000_000 }, RULES)).toBe('approval-not-low');
  });

  it('counts a term’s periods from its seat, or from before the chain for a seat held since block 0', () => {
    expect(termFirstPeriod(0, 432_000, 12)).toBe(0);
    expect(termFirstPeriod(431_999, 432_000, 12)).toBe(12);
    expect(termFirstPeriod(432_000, 432_000, 12)).toBe(13);
  });

  it('is blocked while not serving, in grace, while a procedure runs, and in the cooldown', () => {
    expect(recallBlocker({ now: 10, since: 0, running: false, rules: RULES })).toEqual({ kind: 'none' });
    expect(recallBlocker({ now: 10, running: false, rules: RULES })).toEqual({ kind: 'not-serving' });
    expect(recallBlocker({ now: 10, since: 5, running: false, rules: { ...RULES, grace: 100 } })).toEqual({ kind: 'grace', until: 105 });
    expect(recallBlocker({ now: 10, since: 0, running: true, rules: RULES })).toEqual({ kind: 'running' });
    expect(recallBlocker({ now: 100, since: 0, running: false, lastEnded: 50, rules: RULES })).toEqual({ kind: 'cooldown', until: 14_450 });
    expect(recallBlocker({ now: 14_450, since: 0, running: false, lastEnded: 50, rules: RULES })).toEqual({ kind: 'none' });
  });

  it('takes signatures until the petition’s end, and moves a procedure on when due', () => {
    expect(petitionOpen(undefined, 5)).toBe(false);
    expect(petitionOpen({ end: 6 }, 5)).toBe(true);
    expect(petitionOpen({ end: 6 }, 6)).toBe(false);
    expect(advanceDue({ type: 'Notice' }, 100, 99)).toBe(false);
    expect(advanceDue({ type: 'Notice' }, 100, 100)).toBe(true);
    expect(advanceDue({ type: 'Voting', appealEnd: 500 }, 100, 499)).toBe(false);
    expect(advanceDue({ type: 'Voting', appealEnd: 500 }, 100, 500)).toBe(true);
    expect(advanceDue({ type: 'Ended' }, 100, 1000)).toBe(false);
  });
});
