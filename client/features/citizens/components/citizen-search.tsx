import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  CitizenSearchQuerySchema,
  type CitizenSearchHit,
} from '../../../../shared/schemas/citizen';
import { SegmentBadge } from '../../../components/segment-badge';
import { toAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../../../lib/format';
import { useCitizenSearch } from '../api/citizen-queries';

/** What the server said about a query it could not read, in the user's words. */
function searchErrorText(error: unknown, t: TFunction): string {
  const problem = toAppError(error).fields?.find((field) => field.path === 'querystring.q');
  if (problem?.message === 'number_length') return t('citizens.search.numberLength');
  if (problem?.message === 'no_words') return t('citizens.search.noWords');
  return t('citizens.search.failed', { message: errorText(error, t) });
}

function HitRow({
  hit,
  isCurrent,
  isDisabled,
  onPick,
}: {
  hit: CitizenSearchHit;
  isCurrent: boolean;
  isDisabled: boolean;
  onPick: (hit: CitizenSearchHit) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <UnstyledButton
        onClick={() => onPick(hit)}
        disabled={isDisabled}
        aria-label={t('citizens.search.open', { name: hit.name })}
        aria-current={isCurrent ? 'true' : undefined}
        style={{ display: 'block', width: '100%', opacity: isDisabled ? 0.6 : 1 }}
        data-testid="citizen-hit"
      >
        <Paper
          withBorder
          p="xs"
          radius="sm"
          bg={isCurrent ? 'teal.0' : undefined}
          style={{ borderColor: isCurrent ? 'var(--mantine-color-teal-5)' : undefined }}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={650} truncate>
              {hit.name}
            </Text>
            <Group gap={4} wrap="nowrap">
              <SegmentBadge segment={hit.segment} />
              {hit.isSegmentVerified && (
                <Badge size="xs" color="teal" variant="light">
                  {t('citizens.profile.verified')}
                </Badge>
              )}
            </Group>
          </Group>
          {hit.organisation !== null && (
            <Text size="xs" c="dimmed" truncate>
              {hit.organisation}
            </Text>
          )}
          <Text size="xs" ff="monospace" truncate>
            {hit.addresses.map((a) => a.address).join(' · ')}
          </Text>
          <Group gap="xs">
            {hit.nikMasked !== null && (
              <Text size="xs" ff="monospace" c="dimmed">
                NIK {hit.nikMasked}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('citizens.search.contacts', { count: hit.contactCount })}
              {hit.lastContactAt !== null &&
                ` · ${t('citizens.search.lastContact', {
                  date: formatDateTime(hit.lastContactAt, i18n.language),
                })}`}
            </Text>
          </Group>
          {isDisabled && (
            <Text size="xs" c="dimmed" fs="italic">
              {t('citizens.merge.sameProfile')}
            </Text>
          )}
        </Paper>
      </UnstyledButton>
    </li>
  );
}

/**
 * Finds citizens when the lead presses Enter or Search, never while typing: each search shows
 * personal data and is logged with the reason. Used for opening a profile and for picking the
 * second profile of a merge.
 */
export function CitizenSearch({
  reason,
  currentId = null,
  excludeId = null,
  onPick,
  testIdPrefix = 'citizen-search',
  autoFocus = false,
}: {
  reason: string;
  /** Marked as the one open now. */
  currentId?: string | null;
  /** Listed but not pickable (the profile a merge starts from). */
  excludeId?: string | null;
  onPick: (hit: CitizenSearchHit) => void;
  testIdPrefix?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  // The reason is taken when the search is asked, so changing it later does not search again.
  const [asked, setAsked] = useState({ q: '', reason: '' });
  const search = useCitizenSearch(asked.q, asked.reason);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = CitizenSearchQuerySchema.shape.q.safeParse(text);
    if (!parsed.success) {
      setInputError(t('citizens.search.tooShort'));
      return;
    }
    setInputError(null);
    setAsked({ q: parsed.data, reason });
    if (parsed.data === asked.q && reason === asked.reason) void search.refetch();
  };

  return (
    <Stack gap="xs">
      <form onSubmit={submit} noValidate role="search">
        <TextInput
          label={t('citizens.search.label')}
          description={t('citizens.search.hint')}
          placeholder={t('citizens.search.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={inputError}
          leftSection={<IconSearch size={14} aria-hidden />}
          rightSectionWidth={72}
          rightSection={
            <Button
              type="submit"
              size="compact-sm"
              loading={search.isFetching}
              disabled={reason === ''}
              data-testid={`${testIdPrefix}-submit`}
            >
              {t('citizens.search.submit')}
            </Button>
          }
          data-testid={`${testIdPrefix}-input`}
          autoFocus={autoFocus}
          disabled={reason === ''}
        />
      </form>
      {search.isFetching && search.data === undefined && (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
      {search.isError && (
        <Alert color="red" role="alert" data-testid={`${testIdPrefix}-error`}>
          {searchErrorText(search.error, t)}
        </Alert>
      )}
      {search.data !== undefined && (
        <section aria-label={t('citizens.search.results')} data-testid={`${testIdPrefix}-results`}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('citizens.search.readAs', {
              kind: t(`citizens.search.matchedOn.${search.data.matchedOn}`),
            })}
          </Text>
          {search.data.hits.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid={`${testIdPrefix}-empty`}>
              {t('citizens.search.empty')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {search.data.hits.map((hit) => (
                <HitRow
                  key={hit.id}
                  hit={hit}
                  isCurrent={hit.id === currentId}
                  isDisabled={hit.id === excludeId}
                  onPick={onPick}
                />
              ))}
            </Stack>
          )}
          {search.data.hasMore && (
            <Text size="xs" c="orange.8" mt={4}>
              {t('citizens.search.hasMore', { count: search.data.hits.length })}
            </Text>
          )}
        </section>
      )}
    </Stack>
  );
}
