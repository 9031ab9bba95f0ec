import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/format';
import { useServerNow } from '../stores/use-server-now';

/** "3 mnt 20 dtk" since a server timestamp, ticking. */
export function Elapsed({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useServerNow();
  return <>{formatDuration(now - since, t)}</>;
}

export function useElapsedText(since: number | null): string | null {
  const { t } = useTranslation();
  const now = useServerNow();
  return since === null ? null : formatDuration(now - since, t);
}
