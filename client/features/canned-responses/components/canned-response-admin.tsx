import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../../shared/schemas/canned-response';
import { errorText } from '../../../lib/error-text';
import { formatWhen } from '../../../lib/format';
import { useLabels } from '../../../lib/reference-data';
import {
  useManagedCannedResponses,
  useSetCannedResponseStatus,
} from '../api/canned-response-admin-queries';
import { CannedResponseForm } from './canned-response-form';

/**
 * Administrators and trainers keep the canned responses agents insert with `/`: write, change,
 * retire (agents stop seeing it) and restore.
 */
export function CannedResponseAdmin() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [includeRetired, setIncludeRetired] = useState(false);
  const list = useManagedCannedResponses(includeRetired);
  const setStatus = useSetCannedResponseStatus();
  const [form, setForm] = useState<{ editing: CannedResponse | null } | null>(null);

  const changeStatus = (response: CannedResponse, to: 'retired' | 'active') =>
    setStatus.mutate(
      { id: response.id, to },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: `/${response.code}`,
            message: errorText(error, t),
          }),
      },
    );

  return (
    <Stack gap="sm" data-testid="canned-admin">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('replyTools.manage.title')}
        </Title>
        <Group gap="sm">
          <Checkbox
            label={t('replyTools.manage.showRetired')}
            checked={includeRetired}
            onChange={(event) => setIncludeRetired(event.currentTarget.checked)}
          />
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setForm({ editing: null })}
            data-testid="canned-add"
          >
            {t('replyTools.manage.add')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('replyTools.manage.intro')}
      </Text>
      {list.isError && (
        <Alert color="red" role="alert">
          {errorText(list.error, t)}
        </Alert>
      )}
      {list.isSuccess && list.data.responses.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('replyTools.manage.empty')}
        </Text>
      )}
      {list.isSuccess && list.data.responses.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('replyTools.manage.code')}</Table.Th>
              <Table.Th>{t('replyTools.manage.titleLabel')}</Table.Th>
              <Table.Th>{t('replyTools.manage.topic')}</Table.Th>
              <Table.Th>{t('replyTools.manage.variables')}</Table.Th>
              <Table.Th>{t('replyTools.manage.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.responses.map((response) => (
              <Table.Tr key={response.id} data-testid={`canned-row-${response.code}`}>
                <Table.Td ff="monospace">/{response.code}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {response.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {response.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('replyTools.manage.updated', {
                      when: formatWhen(response.updatedAt, i18n.language),
                      name: response.updatedByName,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {response.topic === null
                    ? t('replyTools.manage.anyTopic')
                    : labels.topic(response.topic)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {response.variables.map((name) => `{${name}}`).join(' ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={response.status === 'active' ? 'teal' : 'gray'}
                  >
                    {t(`replyTools.manage.${response.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setForm({ editing: response })}
                    >
                      {t('replyTools.manage.edit')}
                    </Button>
                    {response.status === 'active' ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => changeStatus(response, 'retired')}
                        data-testid={`canned-retire-${response.code}`}
                      >
                        {t('replyTools.manage.retire')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => changeStatus(response, 'active')}
                      >
                        {t('replyTools.manage.restore')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CannedResponseForm
        opened={form !== null}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
      />
    </Stack>
  );
}
