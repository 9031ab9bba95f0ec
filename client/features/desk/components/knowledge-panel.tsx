import { Badge, Box, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeHit } from '../../../../shared/schemas/knowledge';
import { errorText } from '../../../lib/error-text';
import { selectedConversation, useLiveStore } from '../../../stores/live-store';
import { MIN_QUERY_LENGTH, useKnowledgeSearch } from '../api/knowledge-queries';
import { useTemplateInsertion } from '../hooks/use-template-insertion';
import { appendToReplyDraft } from '../reply-drafts';
import { recordUsedAnswer, usedAnswerOf, useUsedAnswers } from '../used-answers';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const DEBOUNCE_MS = 200;

export const KNOWLEDGE_SEARCH_ID = 'knowledge-search';

/**
 * Search the verified knowledge base as you type; ↑/↓ pick a result, Enter puts its answer into
 * the reply of the conversation in front (its variables filled, the agent asked for any missing).
 * A call has no reply box: Enter (or Dibacakan) records that the agent read the answer out. Either
 * way the answer version joins the conversation's answers used, which the outcome cites.
 */
export function KnowledgePanel({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const [highlighted, setHighlighted] = useState(0);
  const search = useKnowledgeSearch(debounced);
  const target = useLiveStore((state) => selectedConversation(state)?.contact.id ?? null);
  const isCall = useLiveStore((state) => selectedConversation(state)?.contact.channel === 'voice');
  const used = useUsedAnswers(target);
  const { insertTemplate, prompt } = useTemplateInsertion(target);
  const hits = debounced.trim().length >= MIN_QUERY_LENGTH ? (search.data?.hits ?? []) : [];
  const active = Math.min(highlighted, Math.max(hits.length - 1, 0));

  const insert = (hit: KnowledgeHit) => {
    if (target === null) return;
    if (isCall) {
      recordUsedAnswer(target, usedAnswerOf(hit, 'read'));
      return;
    }
    insertTemplate(hit.title, hit.body, (text) => {
      appendToReplyDraft(target, text);
      recordUsedAnswer(target, usedAnswerOf(hit, 'inserted'));
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted(Math.min(Math.max(active + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit !== undefined) insert(hit);
    } else if (event.key === 'Escape') {
      setText('');
    }
  };

  return (
    <Stack gap={6} data-testid="knowledge-panel">
      <Text fw={650} size="sm" component="h2" m={0} c="dimmed">
        {t('knowledge.title')}
      </Text>
      <TextInput
        id={KNOWLEDGE_SEARCH_ID}
        ref={inputRef}
        size="xs"
        aria-label={t('knowledge.searchLabel')}
        placeholder={t('knowledge.searchPlaceholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={search.isFetching ? <Loader size={12} /> : null}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        aria-controls="knowledge-results"
        aria-activedescendant={hits[active] ? `knowledge-hit-${active}` : undefined}
        data-testid="knowledge-search"
      />
      <Text size="xs" c="dimmed">
        {target === null
          ? t('replyTools.noConversation')
          : isCall
            ? t('replyTools.readOutHint')
            : t('knowledge.hint')}
      </Text>
      {search.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorText(search.error, t)}
        </Text>
      )}
      {debounced.trim().length >= MIN_QUERY_LENGTH && search.isSuccess && hits.length === 0 && (
        <Text size="xs" c="dimmed" data-testid="knowledge-empty">
          {t('knowledge.empty')}
        </Text>
      )}
      <Stack gap={4} id="knowledge-results" role="listbox" aria-label={t('knowledge.results')}>
        {hits.map((hit, index) => (
          <Box
            key={`${hit.answerId}-${hit.version}`}
            id={`knowledge-hit-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setHighlighted(index)}
            onClick={() => setHighlighted(index)}
            p={6}
            style={{
              borderRadius: 4,
              border: '1px solid var(--mantine-color-gray-3)',
              background: index === active ? 'var(--mantine-color-blue-0)' : undefined,
            }}
            data-testid="knowledge-hit"
          >
            <Group gap={4} justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600}>
                {hit.title}
              </Text>
              {used.some((u) => u.answerId === hit.answerId && u.version === hit.version) && (
                <Badge
                  size="xs"
                  color="teal"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  data-testid="knowledge-used"
                >
                  ✓ {t('replyTools.alreadyUsed')}
                </Badge>
              )}
            </Group>
            <Text size="xs">{hit.summary}</Text>
            <Group justify="space-between" mt={4} gap={4}>
              <Badge size="xs" variant="light" color="gray" title={t('knowledge.source')}>
                {hit.source}
              </Badge>
              {index === active && (
                <Button
                  size="compact-xs"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  disabled={target === null}
                  onClick={(event) => {
                    event.stopPropagation();
                    insert(hit);
                  }}
                  data-testid={isCall ? 'knowledge-read-out' : 'knowledge-insert'}
                >
                  {isCall ? t('replyTools.readOut') : t('knowledge.insert')}
                </Button>
              )}
            </Group>
          </Box>
        ))}
      </Stack>
      {prompt}
    </Stack>
  );
}
