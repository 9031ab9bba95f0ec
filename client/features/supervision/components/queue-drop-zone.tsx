import { Box, Group, Paper, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queueDropRefusal } from '../../../../shared/domain/lead-moves';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import type { Queue } from '../../../../shared/schemas/reference-data';
import { useReferenceData } from '../../../lib/reference-data';
import { useLeadDrag } from '../stores/lead-drag';

/** A conversation dropped on a queue: the lead means to hand it to that queue. */
export type DropOnQueue = (contact: ContactSummary, queueId: string) => void;

function QueueTarget({ queue, onDrop }: { queue: Queue; onDrop: DropOnQueue }) {
  const { t } = useTranslation();
  const dragged = useLeadDrag((state) => state.dragged);
  const [isOver, setIsOver] = useState(false);
  const refusal = dragged === null ? null : queueDropRefusal(dragged, queue);
  const dropState = dragged === null ? undefined : refusal === null ? 'allowed' : 'refused';
  const dragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (dropState !== 'allowed') return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setIsOver(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>): void => {
    setIsOver(false);
    if (dropState !== 'allowed' || dragged === null) return;
    event.preventDefault();
    useLeadDrag.getState().endDrag();
    onDrop(dragged, queue.id);
  };
  return (
    <Paper
      withBorder
      px="xs"
      py={4}
      radius="sm"
      data-testid={`queue-drop-${queue.id}`}
      data-drop={dropState}
      onDragOver={dragOver}
      onDragLeave={() => setIsOver(false)}
      onDrop={drop}
      style={{
        // An outline, not a thicker border: the tile keeps its size when a drag begins.
        outline:
          dropState === 'allowed'
            ? `2px ${isOver ? 'solid' : 'dashed'} var(--mantine-color-teal-6)`
            : undefined,
        outlineOffset: -1,
        background: isOver ? 'var(--mantine-color-teal-0)' : undefined,
        opacity: dropState === 'refused' ? 0.55 : 1,
      }}
    >
      <Text size="xs" fw={500} truncate>
        {queue.name}
      </Text>
      {/* Always one line tall, so tiles keep their place when a drag begins. */}
      <Text size="xs" c={refusal === null ? 'teal.8' : 'dimmed'} data-testid="drop-note" h={18}>
        {refusal !== null
          ? t(`teamLead.move.refused.${refusal}`)
          : dropState === 'allowed'
            ? t('teamLead.move.dropHere')
            : '\u00a0'}
      </Text>
    </Paper>
  );
}

/**
 * Every queue as a place to drop a dragged conversation on (any queue taking its channel, another
 * team's too). Always shown, so the layout does not move under the pointer when a drag begins;
 * while one is dragged, the queues that take it are outlined and the others say why not.
 */
export function QueueDropZone({ onDrop }: { onDrop: DropOnQueue }) {
  const { t } = useTranslation();
  const queues = useReferenceData().data?.queues ?? [];
  const dragged = useLeadDrag((state) => state.dragged);
  return (
    <section aria-labelledby="queue-drop-title" data-testid="queue-drop-zone">
      <Group gap={8} mb={6} align="baseline">
        <Text fw={650} size="sm" id="queue-drop-title" component="h2" m={0}>
          {t('teamLead.move.dropZone')}
        </Text>
        <Text size="xs" c="dimmed">
          {dragged === null
            ? t('teamLead.move.dropZoneHint')
            : t('teamLead.move.dropZoneDragging', { reference: dragged.reference })}
        </Text>
      </Group>
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
          gap: 6,
        }}
      >
        {queues.map((queue) => (
          <QueueTarget key={queue.id} queue={queue} onDrop={onDrop} />
        ))}
      </Box>
    </section>
  );
}
