import { useNow } from '../lib/use-now';
import { useLiveStore } from './live-store';

/** The server's clock as best we know it, ticking once a second: for server deadlines. */
export function useServerNow(): number {
  const now = useNow();
  const offset = useLiveStore((state) => state.serverOffsetMs);
  return now + offset;
}
