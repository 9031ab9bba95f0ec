import { Text, VisuallyHidden, type MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  rateAbandonRate,
  rateAnswerSpeed,
  rateServiceLevel,
  type MetricRating,
} from '../../shared/domain/metrics';
import type { MetricFigures, MetricsPeriod } from '../../shared/schemas/queue-metrics';
import { localeFor } from '../i18n';
import { formatDuration } from '../lib/format';

const RATING_COLORS: Record<MetricRating, MantineColor> = {
  good: 'green.8',
  warning: 'orange.8',
  alert: 'red.8',
  none: 'dimmed',
};

/** A symbol beside the colour, so the rating never rests on colour alone. */
const RATING_SYMBOLS: Record<MetricRating, string> = {
  good: '✓',
  warning: '!',
  alert: '✕',
  none: '',
};

export type MetricKind = 'serviceLevel' | 'asa' | 'abandonRate';

export function formatPercent(fraction: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(fraction);
}

/** The figure as text and its rating against the goals in shared/domain/metrics.ts. */
export function describeMetric(
  kind: MetricKind,
  figures: MetricFigures,
  targetMs: number | null,
  t: TFunction,
  language: string,
): { text: string; rating: MetricRating } {
  switch (kind) {
    case 'serviceLevel':
      return {
        text:
          figures.serviceLevel === null
            ? t('metrics.noData')
            : formatPercent(figures.serviceLevel, language),
        rating: rateServiceLevel(figures.serviceLevel),
      };
    case 'asa':
      return {
        text:
          figures.averageSpeedOfAnswerMs === null
            ? t('metrics.noData')
            : formatDuration(figures.averageSpeedOfAnswerMs, t),
        rating: rateAnswerSpeed(figures.averageSpeedOfAnswerMs, targetMs),
      };
    case 'abandonRate':
      return {
        text:
          figures.abandonRate === null
            ? t('metrics.noData')
            : formatPercent(figures.abandonRate, language),
        rating: rateAbandonRate(figures.abandonRate),
      };
  }
}

/**
 * One metric as text, colour and symbol together; screen readers also hear how it compares with
 * its goal (e.g. "82% — sesuai target"), which sighted users get from the symbol and the colour.
 */
export function MetricValue({
  kind,
  figures,
  targetMs = null,
  size = 'sm',
}: {
  kind: MetricKind;
  figures: MetricFigures;
  /** For ASA: the target answer time it is judged against. */
  targetMs?: number | null;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t, i18n } = useTranslation();
  const { text, rating } = describeMetric(kind, figures, targetMs, t, i18n.language);
  const ratingWord = t(`metrics.rating.${rating}`);
  const symbol = RATING_SYMBOLS[rating];
  return (
    <Text
      span
      size={size}
      c={RATING_COLORS[rating]}
      fw={rating === 'none' ? 400 : 600}
      title={ratingWord}
      data-rating={rating}
      data-metric={kind}
      style={{ whiteSpace: 'nowrap' }}
    >
      {symbol !== '' && <span aria-hidden>{symbol} </span>}
      {text}
      {rating !== 'none' && <VisuallyHidden> — {ratingWord}</VisuallyHidden>}
    </Text>
  );
}

/** The current interval's bounds ("10.30", "11.00") in the contact center's zone. */
export function formatIntervalBounds(
  period: MetricsPeriod,
  language: string,
): { from: string; to: string } {
  const format = new Intl.DateTimeFormat(localeFor(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: period.timeZone,
  });
  return {
    from: format.format(period.intervalStartedAt),
    to: format.format(period.intervalEndsAt),
  };
}
