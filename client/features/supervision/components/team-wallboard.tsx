import { Badge, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadOverview } from '../../../../shared/schemas/team-lead';
import { QueueStatePanel } from '../../../components/queue-state-panel';
import { formatWhen } from '../../../lib/format';
import { useLeadOverview } from '../api/lead-queries';
import { QueueMetricsBoard } from './queue-metrics-board';

const ALL = 'all';

function NearingBreach({ items }: { items: LeadOverview['nearingBreach'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="nearing-breach-title" data-testid="nearing-breach">
      <Text fw={650} size="sm" id="nearing-breach-title" component="h2" m={0} mb={6}>
        {t('teamLead.nearingBreach')} ({items.length})
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamLead.nearingBreachEmpty')}
        </Text>
      ) : (
        <Table verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.caseId}>
                <Table.Td ff="monospace">{item.reference}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {item.subject}
                  </Text>
                </Table.Td>
                <Table.Td>{item.ownerName}</Table.Td>
                <Table.Td>
                  <Badge
                    color={item.warnedLevel >= 100 ? 'red' : 'orange'}
                    variant="light"
                    size="sm"
                  >
                    {t('teamLead.percentUsed', { level: item.warnedLevel })}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">
                  {item.dueAt === null
                    ? '—'
                    : t('teamLead.dueIn', { when: formatWhen(item.dueAt, i18n.language) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/**
 * The wallboard of one team: its queues (waiting, longest wait), their service level, answer
 * speed and abandon rate per segment, and its follow-ups about to breach. A lead sees their own
 * team; an administrator picks a team or the whole floor.
 */
export function TeamWallboard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const overview = useLeadOverview();
  const teams = overview.data?.teams ?? [];
  const [chosen, setChosen] = useState<string>(ALL);
  const team = isAdmin ? teams.find((candidate) => candidate.id === chosen) : teams[0];
  // An administrator's "all teams" is the whole floor; a lead without a team also sees it all.
  const queueIds = team?.queueIds;
  if (overview.isPending) {
    return (
      <Group data-testid="team-wallboard-loading">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Group>
    );
  }
  const title = team
    ? t('teamLead.wallboardOf', { team: team.name })
    : t('teamLead.wallboardOf', { team: t('teamLead.allTeams') });

  return (
    <Stack gap="md" data-testid="team-wallboard">
      <Group justify="space-between" align="center">
        <Title order={2} size="h4" id="wallboard-title" data-testid="wallboard-title">
          {title}
        </Title>
        {isAdmin && teams.length > 0 && (
          <SegmentedControl
            size="xs"
            aria-label={t('teamLead.teamSwitch')}
            value={chosen}
            onChange={setChosen}
            data={[
              { value: ALL, label: t('teamLead.allTeams') },
              ...teams.map((candidate) => ({ value: candidate.id, label: candidate.name })),
            ]}
          />
        )}
      </Group>
      {queueIds !== undefined && queueIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamLead.noQueues')}
        </Text>
      ) : (
        <>
          <QueueStatePanel variant="wallboard" queueIds={queueIds} />
          <QueueMetricsBoard queueIds={queueIds} />
        </>
      )}
      <NearingBreach items={overview.data?.nearingBreach ?? []} />
    </Stack>
  );
}
