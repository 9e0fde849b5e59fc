// Ratings and recall, the parts that need no chain: a rating's choice, majority grades, the chart
// of an official's periods, shares of Perbill, and whether a recall may start or move on. The
// runtime's rules are in pallets/ratings, pallets/recall and pallets/primitives (judgment.rs,
// polls.rs); each function here says which check it mirrors, so that a voter hears of a mistake
// before a proof is made or a transaction sent.
import { SPHERES, spheresOf } from './records';

/** How many grades the scale has: 1 (reject) to 6 (excellent). */
export const GRADES = 6;
/** Parts of a Perbill. */
export const PERBILL = 1_000_000_000;

export type Sphere = (typeof SPHERES)[number];

/** A sphere of a rating period, as `Ratings.period` shows it. */
export type SphereView = {
  sphere: string;
  /** Weight given to each grade, worst (grade 1) first. */
  histogram: bigint[];
};

/** A rating period as `Ratings.period` and `Ratings.history` show it. */
export type PeriodView = {
  office: number;
  period: number;
  poll?: number;
  start: number;
  end: number;
  closed: boolean;
  roll_size: number;
  raters: number;
  approvals: bigint;
  disapprovals: bigint;
  /** Approvals over approvals and disapprovals (Perbill). */
  approval: number;
  /** Raters over the roll (Perbill). */
  turnout: number;
  spheres: SphereView[];
};

/** An office's recall rules (`RecallRules`): shares in Perbill, windows in blocks. */
export type RecallRules = {
  threshold: number;
  quorum: number;
  petition: number;
  petition_period: number;
  grace: number;
  cooldown: number;
  response: number;
  vote: number;
  appeal: number;
  turnout: number;
};

/** A Perbill as a percentage with `digits` decimals (rounded to nearest). */
export function percent(parts: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round((parts * 100 * scale) / PERBILL) / scale;
}

/** `share × n` rounded up, exactly as the runtime's `Perbill::mul_ceil`. */
export function perbillCeil(parts: number, n: number): number {
  const billion = BigInt(PERBILL);
  return Number((BigInt(parts) * BigInt(n) + billion - 1n) / billion);
}

/**
 * The signatures a petition needs to start a recall: the rules' share of the petition's roll,
 * rounded up, and at least one (`check_start`).
 */
export function signaturesNeeded(petition: number, rollSize: number): number {
  return Math.max(1, perbillCeil(petition, rollSize));
}

/** The raters a period needs for its approval to start a recall: the quorum of its roll, rounded up. */
export function quorumNeeded(quorum: number, rollSize: number): number {
  return perbillCeil(quorum, rollSize);
}

/**
 * The choice of a rating in a period rating the spheres of the set `spheres` (one bit per sphere,
 * bit i = sphere i in declaration order): 0 to approve or 1 to disapprove, then one byte per
 * rated sphere in the order of the set — its grade 1..6, or 0 for none — with trailing zeros left
 * out. A grade for a sphere outside the set, or outside 1..6, is refused here, before any proof.
 */
export function ratingChoice(spheres: number, approve: boolean, grades: Partial<Record<string, number>>): number[] {
  const rated = spheresOf(spheres);
  for (const [sphere, grade] of Object.entries(grades)) {
    if (grade === undefined || grade === 0) continue;
    if (!rated.includes(sphere)) throw new RangeError('sphere-not-rated');
    if (!Number.isInteger(grade) || grade < 1 || grade > GRADES) throw new RangeError('grade-out-of-range');
  }
  const choice = [approve ? 0 : 1, ...rated.map((s) => grades[s] ?? 0)];
  while (choice.length > 1 && choice[choice.length - 1] === 0) choice.pop();
  return choice;
}

/** A histogram's majority grade with its gauge: the weight above and below it. */
export type Majority = { grade: number; above: bigint; below: bigint };

/**
 * The majority grade of `histogram` (weights of grades 1..6, worst first): the lower median, the
 * grade at place (n − 1) / 2 counting from the worst of the n weights given; undefined if nobody
 * graded (`majority_grade`).
 */
export function majorityGrade(histogram: readonly (bigint | number)[]): Majority | undefined {
  const weights = histogram.map((w) => BigInt(w));
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) return undefined;
  const place = (total - 1n) / 2n;
  let below = 0n;
  for (const [i, w] of weights.entries()) {
    if (place < below + w) return { grade: i + 1, above: total - below - w, below };
    below += w;
  }
  return undefined;
}

/** One column of the chart: a period. */
export type ChartPeriod = {
  period: number;
  /** Approvals over approvals and disapprovals, 0..1; undefined while nobody took a side. */
  approval?: number;
  raters: number;
  rollSize: number;
  /** Still taking ratings (or waiting to be closed): its counts may change. */
  live: boolean;
  /** Not opened: nobody has rated in it yet. */
  unopened: boolean;
};

/** The chart of an official's ratings in an office. */
export type Chart = {
  periods: ChartPeriod[];
  /** The spheres graded in any of the periods, in declaration order, with the majority grade of each period (column). */
  spheres: { sphere: string; grades: (number | undefined)[] }[];
};

/**
 * The chart's data: the periods of `periods` (closed ones from the history and live ones, in any
 * order) and the current period `current` (an empty column if it is not open yet), oldest first;
 * each with its approval share; and per sphere graded in any of them, the majority grade of each
 * period, computed from the histograms.
 */
export function chartData(periods: PeriodView[], current?: number): Chart {
  const byPeriod = new Map<number, PeriodView>();
  for (const p of periods) byPeriod.set(p.period, p);
  const columns = [...byPeriod.keys()];
  if (current !== undefined && !byPeriod.has(current)) columns.push(current);
  columns.sort((a, b) => a - b);
  const graded = new Set<string>();
  for (const p of byPeriod.values()) for (const s of p.spheres) if (s.histogram.some((w) => BigInt(w) > 0n)) graded.add(s.sphere);
  const order = (s: string) => {
    const i = (SPHERES as readonly string[]).indexOf(s);
    return i < 0 ? SPHERES.length : i;
  };
  return {
    periods: columns.map((period) => {
      const p = byPeriod.get(period);
      if (!p) return { period, raters: 0, rollSize: 0, live: true, unopened: true };
      const sides = p.approvals + p.disapprovals;
      return {
        period,
        approval: sides > 0n ? Number(p.approvals) / Number(sides) : undefined,
        raters: p.raters,
        rollSize: p.roll_size,
        live: !p.closed,
        unopened: false,
      };
    }),
    spheres: [...graded]
      .sort((a, b) => order(a) - order(b))
      .map((sphere) => ({
        sphere,
        grades: columns.map((period) => {
          const s = byPeriod.get(period)?.spheres.find((x) => x.sphere === sphere);
          return s ? majorityGrade(s.histogram)?.grade : undefined;
        }),
      })),
  };
}

/** How many periods the chart draws (the table lists them all): the latest. */
export const CHART_PERIODS = 12;

/** The chart's last `n` columns. */
export function lastColumns(chart: Chart, n = CHART_PERIODS): Chart {
  const from = Math.max(0, chart.periods.length - n);
  return { periods: chart.periods.slice(from), spheres: chart.spheres.map((s) => ({ sphere: s.sphere, grades: s.grades.slice(from) })) };
}

/** Why a closed period may not start a recall, or `ok`. */
export type RatingTrigger = 'ok' | 'not-closed' | 'before-term' | 'already-used' | 'approval-not-low' | 'quorum-not-met';

/**
 * Whether period `p` may start a recall under `rules` (`check_start` for a rating): closed, in the
 * current term (from `termFirst`), later than the period that started an earlier procedure
 * (`used`), approval below the threshold, and at least the quorum of its roll rating (one at
 * least). The conditions on the official (serving, grace, cooldown, a running procedure) are
 * {@link recallBlocker}'s.
 */
export function ratingTrigger(
  p: Pick<PeriodView, 'period' | 'closed' | 'approval' | 'raters' | 'roll_size'>,
  rules: Pick<RecallRules, 'threshold' | 'quorum'>,
  termFirst = 0,
  used?: number,
): RatingTrigger {
  if (!p.closed) return 'not-closed';
  if (p.period < termFirst) return 'before-term';
  if (used !== undefined && p.period <= used) return 'already-used';
  if (p.approval >= rules.threshold) return 'approval-not-low';
  if (p.raters === 0 || p.raters < quorumNeeded(rules.quorum, p.roll_size)) return 'quorum-not-met';
  return 'ok';
}

/**
 * The first period of a term that began at block `since` (`check_start`): a seat held since block
 * 0 was won before the chain, so its imported periods count.
 */
export function termFirstPeriod(since: number, periodLength: number, firstPeriod: number): number {
  return since === 0 ? 0 : Math.floor(since / periodLength) + firstPeriod;
}

/** Why no recall (and no petition) may start against the official now (`check_official`). */
export type RecallBlocker =
  | { kind: 'none' }
  | { kind: 'not-serving' }
  | { kind: 'grace'; until: number }
  | { kind: 'running' }
  | { kind: 'cooldown'; until: number };

export function recallBlocker(o: {
  now: number;
  /** The block the official's seat was taken; undefined if they do not serve. */
  since?: number;
  running: boolean;
  /** When the last procedure against them in this office ended. */
  lastEnded?: number;
  rules: Pick<RecallRules, 'grace' | 'cooldown'>;
}): RecallBlocker {
  if (o.since === undefined) return { kind: 'not-serving' };
  if (o.now < o.since + o.rules.grace) return { kind: 'grace', until: o.since + o.rules.grace };
  if (o.running) return { kind: 'running' };
  if (o.lastEnded !== undefined && o.now < o.lastEnded + o.rules.cooldown) return { kind: 'cooldown', until: o.lastEnded + o.rules.cooldown };
  return { kind: 'none' };
}

/** Whether a petition ending at `end` still gathers signatures at block `now`. */
export function petitionOpen(petition: { end: number } | undefined, now: number): boolean {
  return petition !== undefined && now < petition.end;
}

/**
 * Whether a procedure is due to move on at block `now` (`check_advance`): in notice, once the
 * response window ended; voting, once the vote's appeal window ended.
 */
export function advanceDue(
  stage: { type: 'Notice' } | { type: 'Voting'; appealEnd: number } | { type: 'Ended' },
  responseEnd: number,
  now: number,
): boolean {
  if (stage.type === 'Notice') return now >= responseEnd;
  if (stage.type === 'Voting') return now >= stage.appealEnd;
  return false;
}
