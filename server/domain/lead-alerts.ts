/**
 * Alert rules for team leads, free of I/O. A scan reads the facts (queue figures, thresholds,
 * agents' presence, case clocks), asks `alertConditions` which conditions hold now, and
 * `reconcileAlerts` which alerts to raise and which to clear. Each condition has a stable key; an
 * alert is open while its condition holds, and the database keeps at most one open alert per key,
 * so a condition raises exactly one alert however many nodes scan.
 */

export type AlertKind = 'queue_over_threshold' | 'agent_not_responding' | 'deadline_near_breach';

/** A queue's alert threshold: over either limit raises an alert (null: that limit is off). */
export interface QueueThreshold {
  maxWaiting: number | null;
  maxWaitMs: number | null;
}

export interface QueueFacts {
  queueId: string;
  queueName: string;
  waiting: number;
  oldestArrivedAt: number | null;
}

export interface AgentFacts {
  agentId: string;
  agentName: string;
  teamId: string | null;
  presence: string;
}

/** A case clock still counting (running or paused), with the highest warning it reached. */
export interface ClockFacts {
  clockId: string;
  caseId: string;
  reference: string;
  ownerTeamId: string | null;
  ownerName: string;
  dueAt: number | null;
  /** 0, 50, 80 or 100: the highest warning level the case clock reached. */
  warnedLevel: number;
  isBreached: boolean;
}

export interface AlertDetail {
  waiting?: number;
  longestWaitMs?: number;
  maxWaiting?: number | null;
  maxWaitMs?: number | null;
  reference?: string;
  dueAt?: number | null;
}

export interface AlertCondition {
  key: string;
  kind: AlertKind;
  /** The team whose leads are told; null when no team with a lead is concerned (every lead). */
  teamId: string | null;
  subjectId: string;
  subjectName: string;
  detail: AlertDetail;
}

/** A clock at 80 % of its due or more, not yet breached, is about to breach. */
export const NEAR_BREACH_LEVEL = 80;

export function isQueueOverThreshold(
  queue: Pick<QueueFacts, 'waiting' | 'oldestArrivedAt'>,
  threshold: QueueThreshold | undefined,
  now: number,
): boolean {
  if (!threshold) return false;
  if (threshold.maxWaiting !== null && queue.waiting > threshold.maxWaiting) return true;
  if (
    threshold.maxWaitMs !== null &&
    queue.oldestArrivedAt !== null &&
    now - queue.oldestArrivedAt > threshold.maxWaitMs
  ) {
    return true;
  }
  return false;
}

export function isNearBreach(clock: Pick<ClockFacts, 'warnedLevel' | 'isBreached'>): boolean {
  return !clock.isBreached && clock.warnedLevel >= NEAR_BREACH_LEVEL;
}

export interface AlertFacts {
  queues: readonly QueueFacts[];
  thresholds: ReadonlyMap<string, QueueThreshold>;
  /** Queue id → the teams with a lead serving it (empty or absent: every lead's). */
  queueLeadTeams: ReadonlyMap<string, readonly string[]>;
  /** Teams that have a lead; an agent or owner of another team is every lead's. */
  teamsWithLeads: ReadonlySet<string>;
  agents: readonly AgentFacts[];
  clocks: readonly ClockFacts[];
}

function ledTeam(teamId: string | null, teamsWithLeads: ReadonlySet<string>): string | null {
  return teamId !== null && teamsWithLeads.has(teamId) ? teamId : null;
}

/** Every alert condition that holds at `now`; one per queue and serving team. */
export function alertConditions(facts: AlertFacts, now: number): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  for (const queue of facts.queues) {
    const threshold = facts.thresholds.get(queue.queueId);
    if (!isQueueOverThreshold(queue, threshold, now)) continue;
    const teams = facts.queueLeadTeams.get(queue.queueId) ?? [];
    for (const teamId of teams.length > 0 ? teams : [null]) {
      conditions.push({
        key: `queue:${queue.queueId}:${teamId ?? '*'}`,
        kind: 'queue_over_threshold',
        teamId,
        subjectId: queue.queueId,
        subjectName: queue.queueName,
        detail: {
          waiting: queue.waiting,
          longestWaitMs: queue.oldestArrivedAt === null ? 0 : now - queue.oldestArrivedAt,
          maxWaiting: threshold?.maxWaiting ?? null,
          maxWaitMs: threshold?.maxWaitMs ?? null,
        },
      });
    }
  }
  for (const agent of facts.agents) {
    if (agent.presence !== 'not_responding') continue;
    conditions.push({
      key: `agent:${agent.agentId}`,
      kind: 'agent_not_responding',
      teamId: ledTeam(agent.teamId, facts.teamsWithLeads),
      subjectId: agent.agentId,
      subjectName: agent.agentName,
      detail: {},
    });
  }
  for (const clock of facts.clocks) {
    if (!isNearBreach(clock)) continue;
    conditions.push({
      key: `deadline:${clock.clockId}`,
      kind: 'deadline_near_breach',
      teamId: ledTeam(clock.ownerTeamId, facts.teamsWithLeads),
      subjectId: clock.caseId,
      subjectName: clock.ownerName,
      detail: { reference: clock.reference, dueAt: clock.dueAt },
    });
  }
  return conditions;
}

/**
 * What a scan does: raise an alert for each condition with no open alert of its key, clear each
 * open alert whose condition no longer holds. Figures of an alert already open are not rewritten
 * (the alert says what crossed the line; the wallboard shows the figure now).
 */
export function reconcileAlerts(
  conditions: readonly AlertCondition[],
  open: readonly { id: string; key: string }[],
): { raise: AlertCondition[]; clear: string[] } {
  const openKeys = new Set(open.map((alert) => alert.key));
  const holding = new Set(conditions.map((condition) => condition.key));
  const seen = new Set<string>();
  const raise = conditions.filter((condition) => {
    if (openKeys.has(condition.key) || seen.has(condition.key)) return false;
    seen.add(condition.key);
    return true;
  });
  const clear = open.filter((alert) => !holding.has(alert.key)).map((alert) => alert.id);
  return { raise, clear };
}
