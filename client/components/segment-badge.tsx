import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SegmentCode } from '../../shared/schemas/common';

const SEGMENT_COLORS: Record<SegmentCode, MantineColor> = {
  official: 'grape',
  media: 'orange',
  academia: 'teal',
  observer: 'indigo',
  public: 'gray',
};

/** The caller's segment (Akademisi, Pengamat, …): its expected speed of response differs. */
export function SegmentBadge({ segment }: { segment: SegmentCode }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEGMENT_COLORS[segment]} variant="light" size="sm" data-segment={segment}>
      {t(`segment.${segment}`)}
    </Badge>
  );
}
