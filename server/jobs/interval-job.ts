import type { Logger } from 'pino';

/**
 * Runs `task` every `everyMs`, never two runs at once, logging failures instead of crashing.
 * Jobs are safe on several nodes at once: every task claims its rows with conditional updates.
 */
export function startIntervalJob(
  name: string,
  everyMs: number,
  task: () => Promise<unknown>,
  log: Logger,
): { stop(): void } {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    task()
      .catch((error: unknown) => log.error({ err: error, job: name }, 'job failed'))
      .finally(() => {
        isRunning = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
