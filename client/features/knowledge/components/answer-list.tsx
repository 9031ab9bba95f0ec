import {
  Alert,
  Box,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_STATUSES, type AnswerStatus } from '../../../../shared/domain/knowledge';
import { errorText } from '../../../lib/error-text';
import { formatWhen } from '../../../lib/format';
import { useLabels, useReferenceData } from '../../../lib/reference-data';
import { PAGE_SIZE, useAnswerList, useUnits, type AnswerFilters } from '../api/authoring-queries';
import { AnswerStatusBadge } from './status-badge';

const SEARCH_DEBOUNCE_MS = 250;

function isStatus(value: string): value is AnswerStatus {
  return (ANSWER_STATUSES as readonly string[]).includes(value);
}

/**
 * The answers, most recently changed first, filtered by status, topic, owning unit and words;
 * a page at a time. Choosing one opens it beside the list.
 */
export function AnswerList({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (answerId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const reference = useReferenceData();
  const units = useUnits();
  const [status, setStatus] = useState<AnswerStatus | ''>('');
  const [topic, setTopic] = useState('');
  const [unitId, setUnitId] = useState('');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [page, setPage] = useState(0);
  const filters: AnswerFilters = { status, topic, unitId, q, page };
  const list = useAnswerList(filters);
  /** Any change of filter starts again from the first page. */
  const filterBy =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(0);
    };

  const isEnglish = i18n.language === 'en';
  const total = list.data?.total ?? 0;
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <Stack gap="xs" h="100%">
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label={t('authoring.filterStatus')}
        value={status === '' ? 'all' : status}
        onChange={(value) => filterBy(setStatus)(isStatus(value) ? value : '')}
        data={[
          { value: 'all', label: t('authoring.statusAll') },
          ...ANSWER_STATUSES.map((s) => ({ value: s, label: t(`authoring.status.${s}`) })),
        ]}
        data-testid="filter-status"
      />
      <SimpleGrid cols={2} spacing={6}>
        <Select
          size="xs"
          aria-label={t('authoring.filterTopic')}
          placeholder={t('authoring.filterTopic')}
          clearable
          searchable
          value={topic || null}
          onChange={(value) => filterBy(setTopic)(value ?? '')}
          data={(reference.data?.topics ?? []).map((item) => ({
            value: item.code,
            label: isEnglish ? item.labelEn : item.labelId,
          }))}
          data-testid="filter-topic"
        />
        <Select
          size="xs"
          aria-label={t('authoring.filterUnit')}
          placeholder={t('authoring.filterUnit')}
          clearable
          searchable
          value={unitId || null}
          onChange={(value) => filterBy(setUnitId)(value ?? '')}
          data={(units.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          data-testid="filter-unit"
        />
      </SimpleGrid>
      <TextInput
        size="xs"
        aria-label={t('authoring.filterText')}
        placeholder={t('authoring.filterText')}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={list.isFetching ? <Loader size={12} /> : null}
        value={text}
        onChange={(event) => filterBy(setText)(event.currentTarget.value)}
        data-testid="filter-text"
      />
      {list.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorText(list.error, t)}
        </Alert>
      )}
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="answer-count">
        {t('authoring.count', { first, last, total })}
      </Text>
      <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {(list.data?.items ?? []).map((item) => {
            const isSelected = item.answerId === selectedId;
            return (
              <li key={item.answerId}>
                <UnstyledButton
                  w="100%"
                  p={6}
                  onClick={() => onSelect(item.answerId)}
                  aria-current={isSelected ? 'true' : undefined}
                  style={{
                    borderRadius: 4,
                    border: '1px solid var(--mantine-color-gray-3)',
                    background: isSelected ? 'var(--mantine-color-blue-0)' : undefined,
                  }}
                  data-testid="answer-row"
                >
                  <Text size="sm" fw={600} lineClamp={2}>
                    {item.title}
                  </Text>
                  <Group gap={4} mt={2}>
                    {item.versions.slice(0, 3).map((v) => (
                      <AnswerStatusBadge key={v.version} status={v.status} version={v.version} />
                    ))}
                    <Text size="xs" c="dimmed">
                      {labels.topic(item.topic)} · {formatWhen(item.updatedAt, i18n.language)}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
        {list.isSuccess && list.data.items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="answer-list-empty">
            {t('authoring.emptyList')}
          </Text>
        )}
      </Box>
      <Group justify="space-between">
        <Button
          size="compact-xs"
          variant="default"
          disabled={page === 0}
          onClick={() => setPage((p) => Math.max(0, p - 1))}
        >
          {t('authoring.previousPage')}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          disabled={last >= total}
          onClick={() => setPage((p) => p + 1)}
          data-testid="next-page"
        >
          {t('authoring.nextPage')}
        </Button>
      </Group>
    </Stack>
  );
}
