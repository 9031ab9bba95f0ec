/**
 * Live queue metrics: what counts, and the formulas. The server counts with SQL aggregates that
 * follow `tallyContacts` exactly (docs/metrics.md); both sides derive the figures with
 * `deriveFigures`, so a client summing queues gets the same numbers the server would.
 */
import { SEGMENT_CODES, type SegmentCode } from '../schemas/common';
import type {
  MetricCounts,
  MetricFigures,
  MetricsPeriod,
  WindowMetrics,
} from '../schemas/queue-metrics';
import { fromZoned, toZoned } from './zoned-time';

const MS_PER_MINUTE = 60_000;

/** The times of one contact that the metrics read. */
export interface ContactTimes {
  arrivedAt: number;
  /** When an agent first accepted it (or a lead assigned it); transfers do not move it. */
  answeredAt: number | null;
  /** When the caller hung up while it waited; null unless abandoned. */
  abandonedAt: number | null;
  /** The target answer time of the contact's segment. */
  targetAnswerMs: number;
  /**
   * It arrived while its queue was closed and got the after-hours answer instead of waiting: it
   * was never offered to the queue, so it counts nowhere (docs/metrics.md §2).
   */
  isAfterHours?: boolean;
}

export function emptyCounts(): MetricCounts {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    answeredInTarget: 0,
    abandonedAfterTarget: 0,
    answerWaitMs: 0,
  };
}

export function addCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    abandoned: a.abandoned + b.abandoned,
    answeredInTarget: a.answeredInTarget + b.answeredInTarget,
    abandonedAfterTarget: a.abandonedAfterTarget + b.abandonedAfterTarget,
    answerWaitMs: a.answerWaitMs + b.answerWaitMs,
  };
}

/**
 * The definition of the counts over the window [from, to): each event counts where it happened.
 * A contact arriving at 09:59 and answered at 10:01 is offered in the 09:30 interval and answered
 * in the 10:00 one. "In target" means a wait of at most the target; "after target", longer.
 */
export function tallyContacts(
  contacts: readonly ContactTimes[],
  from: number,
  to = Number.POSITIVE_INFINITY,
): MetricCounts {
  const counts = emptyCounts();
  const inWindow = (at: number | null): at is number => at !== null && at >= from && at < to;
  for (const contact of contacts) {
    if (contact.isAfterHours) continue;
    if (inWindow(contact.arrivedAt)) counts.offered += 1;
    if (inWindow(contact.answeredAt)) {
      const wait = contact.answeredAt - contact.arrivedAt;
      counts.answered += 1;
      counts.answerWaitMs += wait;
      if (wait <= contact.targetAnswerMs) counts.answeredInTarget += 1;
    }
    if (inWindow(contact.abandonedAt)) {
      counts.abandoned += 1;
      if (contact.abandonedAt - contact.arrivedAt > contact.targetAnswerMs) {
        counts.abandonedAfterTarget += 1;
      }
    }
  }
  return counts;
}

/**
 * Service level, average speed of answer and abandon rate from the counts:
 * - SL = answeredInTarget / (answered + abandonedAfterTarget): callers who gave up before the
 *   target are not held against it, those who gave up after it are;
 * - ASA = answerWaitMs / answered;
 * - abandon rate = abandoned / (answered + abandoned): of the contacts whose wait ended in the
 *   window, the share that hung up. (Not abandoned / offered, which mixes windows: a contact
 *   offered in one interval may be answered or abandoned in the next.)
 */
export function deriveFigures(counts: MetricCounts): MetricFigures {
  const slBase = counts.answered + counts.abandonedAfterTarget;
  const ended = counts.answered + counts.abandoned;
  return {
    ...counts,
    serviceLevel: slBase === 0 ? null : counts.answeredInTarget / slBase,
    averageSpeedOfAnswerMs:
      counts.answered === 0 ? null : Math.round(counts.answerWaitMs / counts.answered),
    abandonRate: ended === 0 ? null : counts.abandoned / ended,
  };
}

/** One window's figures from per-segment counts; segments with nothing count as zero. */
export function windowMetrics(
  bySegment: Partial<Record<SegmentCode, MetricCounts>>,
): Required<WindowMetrics> {
  let total = emptyCounts();
  const figures = {} as Record<SegmentCode, MetricFigures>;
  for (const segment of SEGMENT_CODES) {
    const counts = bySegment[segment] ?? emptyCounts();
    total = addCounts(total, counts);
    figures[segment] = deriveFigures(counts);
  }
  return { total: deriveFigures(total), bySegment: figures };
}

/** The counts inside a set of figures. */
export function countsOf(figures: MetricFigures): MetricCounts {
  return {
    offered: figures.offered,
    answered: figures.answered,
    abandoned: figures.abandoned,
    answeredInTarget: figures.answeredInTarget,
    abandonedAfterTarget: figures.abandonedAfterTarget,
    answerWaitMs: figures.answerWaitMs,
  };
}

/**
 * Sums several queues' windows (e.g. all queues on a wallboard). The segments are summed only when
 * every window has them.
 */
export function sumWindows(windows: readonly WindowMetrics[]): WindowMetrics {
  const total = windows.reduce((sum, w) => addCounts(sum, countsOf(w.total)), emptyCounts());
  if (!windows.every((w) => w.bySegment !== undefined)) return { total: deriveFigures(total) };
  const bySegment: Partial<Record<SegmentCode, MetricCounts>> = {};
  for (const window of windows) {
    for (const segment of SEGMENT_CODES) {
      const figures = window.bySegment?.[segment];
      if (figures)
        bySegment[segment] = addCounts(bySegment[segment] ?? emptyCounts(), countsOf(figures));
    }
  }
  return windowMetrics(bySegment);
}

/** A window without its segments: what agents get. */
export function withoutSegments(window: WindowMetrics): WindowMetrics {
  return { total: window.total };
}

/**
 * The current interval and day at `now` in `timeZone`. Intervals of `intervalMinutes` (a divisor
 * of 1440) are aligned to local midnight: 30 gives 00:00, 00:30, … 23:30.
 */
export function metricsPeriodAt(
  now: number,
  timeZone: string,
  intervalMinutes: number,
): MetricsPeriod {
  const { day, msOfDay } = toZoned(now, timeZone);
  const minuteOfDay = Math.floor(msOfDay / MS_PER_MINUTE);
  const startMinute = minuteOfDay - (minuteOfDay % intervalMinutes);
  const endMinute = startMinute + intervalMinutes;
  return {
    intervalStartedAt: fromZoned(day, startMinute, timeZone),
    intervalEndsAt:
      endMinute >= 1440 ? fromZoned(day + 1, 0, timeZone) : fromZoned(day, endMinute, timeZone),
    intervalMinutes,
    dayStartedAt: fromZoned(day, 0, timeZone),
    timeZone,
  };
}

/** How a figure compares with its goal: shown as a word or symbol and a colour, never colour alone. */
export type MetricRating = 'good' | 'warning' | 'alert' | 'none';

/**
 * Display goals (the common 80 % service level, 5 % abandons). Below the warning line a figure
 * reads amber, past the alert line red.
 */
export const METRIC_GOALS = {
  serviceLevel: { good: 0.8, warning: 0.6 },
  abandonRate: { good: 0.05, warning: 0.1 },
  /** ASA against the target answer time: up to 1× good, up to 1.5× amber. */
  answerSpeed: { good: 1, warning: 1.5 },
} as const;

export function rateServiceLevel(serviceLevel: number | null): MetricRating {
  if (serviceLevel === null) return 'none';
  if (serviceLevel >= METRIC_GOALS.serviceLevel.good) return 'good';
  if (serviceLevel >= METRIC_GOALS.serviceLevel.warning) return 'warning';
  return 'alert';
}

export function rateAbandonRate(abandonRate: number | null): MetricRating {
  if (abandonRate === null) return 'none';
  if (abandonRate <= METRIC_GOALS.abandonRate.good) return 'good';
  if (abandonRate <= METRIC_GOALS.abandonRate.warning) return 'warning';
  return 'alert';
}

export function rateAnswerSpeed(asaMs: number | null, targetMs: number | null): MetricRating {
  if (asaMs === null || targetMs === null || targetMs <= 0) return 'none';
  const ratio = asaMs / targetMs;
  if (ratio <= METRIC_GOALS.answerSpeed.good) return 'good';
  if (ratio <= METRIC_GOALS.answerSpeed.warning) return 'warning';
  return 'alert';
}

/**
 * The target an ASA is judged against when it mixes segments: the segments' targets weighted by
 * how many contacts of each were answered. Null when nothing was answered or the window has no
 * segments (an agent's view).
 */
export function answeredTargetMs(
  window: WindowMetrics,
  targets: Partial<Record<SegmentCode, number>>,
): number | null {
  let answered = 0;
  let weighted = 0;
  for (const segment of SEGMENT_CODES) {
    const target = targets[segment];
    const count = window.bySegment?.[segment].answered ?? 0;
    if (target === undefined || count === 0) continue;
    answered += count;
    weighted += count * target;
  }
  return answered === 0 ? null : Math.round(weighted / answered);
}
