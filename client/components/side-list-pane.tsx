import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** The scrolling column a screen's list sits in; a navigation landmark when it has a label. */
export function SideListPane({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <Box
      {...(label === undefined ? {} : { component: 'nav' as const, 'aria-label': label })}
      style={{
        overflowY: 'auto',
        minHeight: 0,
        borderRight: '1px solid var(--mantine-color-gray-3)',
      }}
      bg="gray.0"
      p="sm"
    >
      {children}
    </Box>
  );
}
