import { Badge, Box, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../../shared/schemas/canned-response';
import { errorText } from '../../../lib/error-text';
import { useLabels } from '../../../lib/reference-data';
import { useCannedResponses } from '../api/canned-response-queries';
import { filterCannedResponses } from '../canned-filter';

/** More would push the reply box off a laptop screen; typing narrows the list. */
const SHOWN = 6;

/**
 * The canned responses under the reply box: type to narrow, ↑/↓ to choose, Enter to pick, Esc to
 * go back to the reply. Opened with `/` at the start of a line or the Templat button.
 */
export function CannedResponsePicker({
  topic,
  onPick,
  onClose,
}: {
  /** The conversation's topic: its responses come first. */
  topic: string;
  onPick: (response: CannedResponse) => void;
  /** `returnFocus`: Esc goes back to the reply; focus moved elsewhere stays there. */
  onClose: (returnFocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const responses = useCannedResponses();
  const matches = filterCannedResponses(responses.data?.responses ?? [], query, topic).slice(
    0,
    SHOWN,
  );
  const active = Math.min(highlighted, Math.max(matches.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted(Math.min(Math.max(active + step, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = matches[active];
      if (picked !== undefined) onPick(picked);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  return (
    <Paper
      withBorder
      p={6}
      radius="sm"
      shadow="xs"
      // Moving focus elsewhere on the page (the reply, another pane) closes it, like any menu.
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) onClose(false);
      }}
      data-testid="canned-picker"
    >
      <Stack gap={4}>
        <TextInput
          size="xs"
          autoFocus
          aria-label={t('replyTools.canned.searchLabel')}
          placeholder={t('replyTools.canned.searchPlaceholder')}
          leftSection={
            <Text span size="sm" c="dimmed" ff="monospace" aria-hidden>
              /
            </Text>
          }
          rightSection={responses.isFetching ? <Loader size={12} /> : null}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setHighlighted(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
          data-testid="canned-search"
        />
        <Text size="xs" c="dimmed">
          {t('replyTools.canned.hint')}
        </Text>
        {responses.isError && (
          <Text size="xs" c="red.8" role="alert">
            {t('replyTools.canned.loadFailed', { message: errorText(responses.error, t) })}
          </Text>
        )}
        {responses.isPending && (
          <Text size="xs" c="dimmed">
            {t('replyTools.canned.loading')}
          </Text>
        )}
        {responses.isSuccess && matches.length === 0 && (
          <Text size="xs" c="dimmed" data-testid="canned-empty">
            {t('replyTools.canned.empty')}
          </Text>
        )}
        <Stack gap={2} id={listId} role="listbox" aria-label={t('replyTools.canned.results')}>
          {matches.map((response, index) => (
            <Box
              key={response.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setHighlighted(index)}
              // Keep focus in the search box so the keyboard keeps working after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(response)}
              px={6}
              py={3}
              style={{
                borderRadius: 4,
                cursor: 'pointer',
                background: index === active ? 'var(--mantine-color-blue-0)' : undefined,
              }}
              data-testid="canned-option"
            >
              <Group gap={6} wrap="nowrap">
                <IconTemplate size={14} aria-hidden style={{ flexShrink: 0 }} />
                <Text size="xs" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
                  /{response.code}
                </Text>
                <Text size="sm" fw={600} truncate>
                  {response.title}
                </Text>
                {response.topic !== null && (
                  <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                    {labels.topic(response.topic)}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {response.text}
              </Text>
            </Box>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
