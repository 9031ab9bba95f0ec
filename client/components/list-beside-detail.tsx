import { Box, Button, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { SideListPane } from './side-list-pane';

/**
 * An authoring screen's body: a titled list to pick from on the left (with a "new" button for
 * those who may write), the picked item on the right.
 */
export function ListBesideDetail({
  testId,
  listWidth,
  title,
  newItem,
  list,
  detailPadding,
  detailOverflow,
  children,
}: {
  testId: string;
  listWidth: number;
  /** Names the list's navigation landmark and heads it. */
  title: string;
  /** The "new" button; absent for those who only read. */
  newItem?: { label: string; testId: string; onClick: () => void };
  list: ReactNode;
  detailPadding: 'sm' | 'md';
  /** `hidden` when the detail scrolls its own parts. */
  detailOverflow: 'auto' | 'hidden';
  children: ReactNode;
}) {
  const detailStyle =
    detailOverflow === 'auto'
      ? { minHeight: 0, overflowY: 'auto' as const }
      : { minHeight: 0, overflow: 'hidden' as const };
  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: `${listWidth}px minmax(0, 1fr)`,
        height: '100%',
      }}
      data-testid={testId}
    >
      <SideListPane label={title}>
        <Group justify="space-between" mb="xs" gap="xs">
          <Title order={2} size="sm">
            {title}
          </Title>
          {newItem !== undefined && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconPlus size={12} aria-hidden />}
              onClick={newItem.onClick}
              data-testid={newItem.testId}
            >
              {newItem.label}
            </Button>
          )}
        </Group>
        {list}
      </SideListPane>
      <Box p={detailPadding} style={detailStyle}>
        {children}
      </Box>
    </Box>
  );
}
