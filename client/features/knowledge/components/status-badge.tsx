import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerStatus } from '../../../../shared/domain/knowledge';

const COLORS: Record<AnswerStatus, string> = {
  draft: 'gray',
  review: 'yellow',
  published: 'teal',
  retired: 'dark',
};

/** A version's status in words and colour. */
export function AnswerStatusBadge({ status, version }: { status: AnswerStatus; version?: number }) {
  const { t } = useTranslation();
  const label = t(`authoring.status.${status}`);
  return (
    <Badge size="xs" variant="light" color={COLORS[status]} data-status={status}>
      {version === undefined ? label : `v${version} · ${label}`}
    </Badge>
  );
}
