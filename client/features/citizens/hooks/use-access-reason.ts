import { useCallback, useState } from 'react';

const STORAGE_PREFIX = 'tanggap:citizen-access-reason:';

function read(key: string): string {
  try {
    return window.sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * Why this user is looking at citizens' data now ("Pengaduan no. …"): asked once, kept for
 * this browser tab's session (not on the device: the next shift has its own reasons), and
 * changed whenever the purpose changes. Every search and profile read sends it.
 */
export function useAccessReason(userId: string): [string, (reason: string) => void] {
  const key = `${STORAGE_PREFIX}${userId}`;
  const [reason, setReason] = useState(() => read(key));
  const change = useCallback(
    (next: string) => {
      setReason(next);
      try {
        window.sessionStorage.setItem(key, next);
      } catch {
        // Private mode or full storage: the reason holds until the screen closes.
      }
    },
    [key],
  );
  return [reason, change];
}
