import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerVersion } from '../../../../shared/schemas/knowledge';
import { formatDateTime } from '../../../lib/format';
import { AnswerStatusBadge } from './status-badge';

/** The last thing that happened to a version and when. */
function lastStep(version: AnswerVersion): {
  key: 'changed' | 'published' | 'retired';
  at: number;
} {
  if (version.retiredAt !== null) return { key: 'retired', at: version.retiredAt };
  if (version.publishedAt !== null) return { key: 'published', at: version.publishedAt };
  return { key: 'changed', at: version.updatedAt };
}

/**
 * Every version of the answer, newest first: who wrote it, who verified (or sent it back), the
 * note that went with the last step, and when. A row opens that version.
 */
export function VersionHistory({
  versions,
  selected,
  onSelect,
}: {
  versions: readonly AnswerVersion[];
  selected: number;
  onSelect: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="version-history-title">
      <Text fw={650} size="sm" id="version-history-title" component="h3" m={0} mb={4}>
        {t('authoring.history')}
      </Text>
      <Table striped highlightOnHover withTableBorder fz="xs" data-testid="version-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('authoring.version')}</Table.Th>
            <Table.Th>{t('authoring.author')}</Table.Th>
            <Table.Th>{t('authoring.reviewer')}</Table.Th>
            <Table.Th>{t('authoring.when')}</Table.Th>
            <Table.Th>{t('authoring.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => {
            const step = lastStep(version);
            const isSelected = version.version === selected;
            return (
              <Table.Tr
                key={version.version}
                onClick={() => onSelect(version.version)}
                style={{ cursor: 'pointer' }}
                bg={isSelected ? 'blue.0' : undefined}
                aria-selected={isSelected}
                data-testid="history-row"
              >
                <Table.Td>
                  <AnswerStatusBadge status={version.status} version={version.version} />
                </Table.Td>
                <Table.Td>{version.authorName}</Table.Td>
                <Table.Td>{version.reviewerName ?? t('common.none')}</Table.Td>
                <Table.Td>
                  {t(`authoring.step.${step.key}`, {
                    when: formatDateTime(step.at, i18n.language),
                  })}
                </Table.Td>
                <Table.Td>{version.note ?? t('common.none')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
