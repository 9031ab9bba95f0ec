import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/schemas/case';
import type { User } from '../../../../shared/schemas/user';
import { deadlineColor, formatLongDuration } from '../../../components/deadline-countdown';
import { errorText } from '../../../lib/error-text';
import { useServerNow } from '../../../stores/use-server-now';
import { useCaseBoard, type BoardScope } from '../api/case-queries';
import { CaseDetailView } from './case-panel';

function DueCell({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const now = useServerNow();
  if (summary.nextDueAt === null) return <Text size="xs">—</Text>;
  const left = summary.nextDueAt - now;
  const color = deadlineColor(summary.receivedAt, summary.nextDueAt, now);
  return (
    <Text size="xs" fw={700} c={`${color}.8`} data-color={color}>
      {left > 0
        ? t('cases.dueIn', { duration: formatLongDuration(left, t) })
        : t('cases.overdue', { duration: formatLongDuration(-left, t) })}
    </Text>
  );
}

/**
 * The follow-up board: open cases, the one closest to breaching first (the server sorts); a row
 * opens the case below the table. Agents see theirs, unit staff their unit's, leads any scope.
 */
export function CaseBoard({ user, compact = false }: { user: User; compact?: boolean }) {
  const { t } = useTranslation();
  const scopes: BoardScope[] =
    user.role === 'unit' ? ['unit'] : user.role === 'agent' ? ['mine'] : ['all', 'mine'];
  const [scope, setScope] = useState<BoardScope>(scopes[0]!);
  const board = useCaseBoard(scope);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Stack gap="xs" data-testid="case-board">
      <Group justify="space-between">
        <Text fw={650} size="sm" component="h2" m={0}>
          {t('cases.board.title')}
        </Text>
        {scopes.length > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t('cases.board.scope')}
            value={scope}
            onChange={(value) => setScope(value as BoardScope)}
            data={scopes.map((value) => ({ value, label: t(`cases.board.${value}`) }))}
          />
        )}
      </Group>
      {(user.role === 'lead' || user.role === 'admin') && (
        <Group gap="md">
          <Anchor
            size="xs"
            href="/api/cases/register.csv"
            download
            data-testid="case-register-export"
          >
            {t('cases.board.exportRegister')}
          </Anchor>
          <Anchor
            size="xs"
            href={`/api/reports/public-information?year=${new Date().getFullYear()}&format=csv`}
            download
            data-testid="case-report-export"
          >
            {t('cases.board.exportReport', { year: new Date().getFullYear() })}
          </Anchor>
        </Group>
      )}
      {board.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {board.isError && (
        <Alert color="red">{t('cases.loadFailed', { message: errorText(board.error, t) })}</Alert>
      )}
      {board.data?.cases.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cases.board.empty')}
        </Text>
      )}
      {board.data !== undefined && board.data.cases.length > 0 && (
        <Table striped highlightOnHover withTableBorder fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.board.reference')}</Table.Th>
              {!compact && <Table.Th>{t('cases.board.type')}</Table.Th>}
              <Table.Th>{t('cases.board.status')}</Table.Th>
              <Table.Th>{t('cases.board.due')}</Table.Th>
              {!compact && <Table.Th>{t('cases.board.owner')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.data.cases.map((summary) => (
              <Table.Tr key={summary.id} data-testid={`case-row-${summary.reference}`}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => setOpenId(openId === summary.id ? null : summary.id)}
                    aria-label={t('cases.board.open', { reference: summary.reference })}
                    aria-expanded={openId === summary.id}
                  >
                    <Text size="xs" ff="monospace" fw={700} td="underline">
                      {summary.reference}
                    </Text>
                  </UnstyledButton>
                  {summary.isBreached && (
                    <Badge color="red" size="xs" ml={4}>
                      {t('cases.breached')}
                    </Badge>
                  )}
                </Table.Td>
                {!compact && <Table.Td>{t(`cases.type.${summary.type}`)}</Table.Td>}
                <Table.Td>{t(`cases.status.${summary.status}`)}</Table.Td>
                <Table.Td>
                  <DueCell summary={summary} />
                </Table.Td>
                {!compact && <Table.Td>{summary.ownerName}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {openId !== null && (
        <Box>
          <CaseDetailView caseId={openId} user={user} />
        </Box>
      )}
    </Stack>
  );
}
