import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '../../shared/schemas/common';

export const STATUS_COLORS: Record<AgentStatus, MantineColor> = {
  available: 'green',
  on_contact: 'blue',
  after_contact_work: 'cyan',
  training: 'violet',
  break: 'yellow',
  away: 'gray',
  not_responding: 'red',
  offline: 'gray',
};

/** An agent status as words and colour together. */
export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: AgentStatus;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'offline' ? 'outline' : 'light'}
      size={size}
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
