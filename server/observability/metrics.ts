import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus instruments of one node (its own registry: tests run several nodes in one process).
 * Gauges whose value lives elsewhere (queues, pool, sockets) are read at scrape time through
 * `collect` callbacks registered by the application.
 */
export function createMetrics(nodeId: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: registry, prefix: 'tanggap_' });
  const commands = new Counter({
    name: 'tanggap_commands_total',
    help: 'Socket commands answered, by command and outcome (ok or the error code).',
    labelNames: ['command', 'outcome'] as const,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'tanggap_command_ack_seconds',
    help: 'Time from a command arriving to its acknowledgement (after commit).',
    labelNames: ['command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const facts = new Counter({
    name: 'tanggap_facts_published_total',
    help: 'Facts published to rooms by this node, by fact name (rate() gives events per second).',
    labelNames: ['fact'] as const,
    registers: [registry],
  });
  return { registry, commands, ackSeconds, facts };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A gauge read at scrape time; a failing read leaves the gauge empty rather than failing. */
export function gaugeOf(
  metrics: Metrics,
  definition: { name: string; help: string; labelNames?: readonly string[] },
  read: (set: (value: number, labels?: Record<string, string>) => void) => Promise<void> | void,
): void {
  new Gauge({
    name: definition.name,
    help: definition.help,
    labelNames: definition.labelNames ?? [],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      try {
        await read((value, labels) => (labels ? this.set(labels, value) : this.set(value)));
      } catch {
        // Unknown now (the database is down): absent beats wrong.
      }
    },
  });
}
