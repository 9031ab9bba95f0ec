import { Alert, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../../../lib/format';
import { useCitizenAccessLog } from '../api/citizen-queries';

/** Who looked at or changed this citizen's data, when and why; newest first. */
export function AccessLogTable({ citizenId }: { citizenId: string }) {
  const { t, i18n } = useTranslation();
  const log = useCitizenAccessLog(citizenId);
  if (log.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (log.isError) {
    return (
      <Alert color="red" role="alert">
        {t('citizens.accessLog.failed', { message: errorText(log.error, t) })}
      </Alert>
    );
  }
  if (log.data.entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('citizens.accessLog.empty')}
      </Text>
    );
  }
  return (
    <Table
      striped
      withTableBorder
      fz="xs"
      verticalSpacing={4}
      data-testid="access-log"
      aria-label={t('citizens.accessLog.title')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('citizens.accessLog.when')}</Table.Th>
          <Table.Th>{t('citizens.accessLog.who')}</Table.Th>
          <Table.Th>{t('citizens.accessLog.what')}</Table.Th>
          <Table.Th>{t('citizens.accessLog.why')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {log.data.entries.map((entry, index) => (
          <Table.Tr key={`${entry.at}-${index}`} data-testid="access-log-entry">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(entry.at, i18n.language)}
            </Table.Td>
            <Table.Td>{entry.viewerName}</Table.Td>
            <Table.Td data-action={entry.action}>
              {t(`citizens.accessLog.action.${entry.action}`)}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{entry.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
