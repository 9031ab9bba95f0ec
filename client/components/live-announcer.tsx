import { VisuallyHidden } from '@mantine/core';

/** A polite live region: screen readers read new messages without moving focus. */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <VisuallyHidden>
      <div aria-live="polite" aria-atomic="true" role="status" data-testid="live-announcer">
        {message}
      </div>
    </VisuallyHidden>
  );
}
