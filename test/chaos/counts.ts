import { sql } from 'kysely';
import type { ChaosCluster } from './cluster';
import type { Ledger } from './simulated';

export interface ChaosCounts {
  scenario: string;
  ackedWrites: number;
  storedWrites: number;
  inboundAcked: number;
  inboundStored: number;
  lostContacts: number;
  openContacts: number;
  acceptsAcked: number;
  outcomesAcked: number;
  outcomesStored: number;
  duplicateOutcomes: number;
  outcomeResends: number;
  reassignsAcked: number;
  reassignsStored: number;
  reassignConflicts: number;
  doubleAssignments: number;
  reroutedContacts: number;
  clockFiringsExpected: number;
  clockFiringsActual: number;
  reconnects: number;
  resyncFinds: number;
  statusRetries: number;
  serverErrorRetries: number;
}

/** Compares what was acknowledged with what the database holds. */
export async function countOutcome(
  scenario: string,
  cluster: ChaosCluster,
  ledger: Ledger,
  extra: {
    reroutedContacts?: number;
    clockFiringsExpected?: number;
    clockFiringsActual?: number;
  } = {},
): Promise<ChaosCounts> {
  const db = cluster.db;
  const ackedContactIds = new Set(ledger.inboundAcked.values());
  const contacts = await db.selectFrom('contacts').select(['id', 'status']).execute();
  const stored = new Set(contacts.map((c) => c.id));
  const inboundStored = [...ackedContactIds].filter((id) => stored.has(id)).length;
  const outcomes = await db.selectFrom('outcomes').select(['id', 'contact_id']).execute();
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  const outcomesStored = [...ledger.outcomeAcks.values()].filter((a) =>
    outcomeIds.has(a.outcomeId),
  ).length;
  const perContact = new Map<string, number>();
  for (const o of outcomes) perContact.set(o.contact_id, (perContact.get(o.contact_id) ?? 0) + 1);
  const duplicateOutcomes = [...perContact.values()].filter((n) => n > 1).length;
  const acceptedOffers = await db
    .selectFrom('offers')
    .select(['id', 'contact_id'])
    .where('status', '=', 'accepted')
    .where('kind', '=', 'route')
    .execute();
  const acceptedIds = new Set(acceptedOffers.map((o) => o.id));
  const acceptsStored = [...ledger.acceptAcks.keys()].filter((id) => acceptedIds.has(id)).length;
  // Two accepted route offers on one contact, or two agents told "yours" for one contact by an
  // accept: either is a double assignment (a reassignment moves work, it never requeues it).
  const acceptedPerContact = new Map<string, number>();
  for (const o of acceptedOffers) {
    acceptedPerContact.set(o.contact_id, (acceptedPerContact.get(o.contact_id) ?? 0) + 1);
  }
  const ackedPerContact = new Map<string, Set<string>>();
  for (const [offerId, ack] of ledger.acceptAcks) {
    const offers = ackedPerContact.get(ack.contactId) ?? new Set<string>();
    offers.add(offerId);
    ackedPerContact.set(ack.contactId, offers);
  }
  const doubles = new Set([
    ...[...acceptedPerContact].filter(([, n]) => n > 1).map(([id]) => id),
    ...[...ackedPerContact].filter(([, offers]) => offers.size > 1).map(([id]) => id),
  ]);
  const reassignEvents = await db
    .selectFrom('contact_events')
    .select(['contact_id', 'to_agent_id'])
    .where('kind', '=', 'reassigned')
    .execute();
  const reassignsStored = reassignEvents.length;
  const movedTo = new Set(reassignEvents.map((e) => `${e.contact_id}>${e.to_agent_id}`));
  // Every acknowledged reassignment is in the history (more may be: their acks were lost).
  const reassignAcksStored = ledger.reassignAcks.filter((a) =>
    movedTo.has(`${a.contactId}>${a.toAgentId}`),
  ).length;
  const counts: ChaosCounts = {
    scenario,
    ackedWrites:
      ledger.inboundAcked.size +
      ledger.acceptAcks.size +
      ledger.outcomeAcks.size +
      ledger.reassignAcks.length,
    storedWrites: inboundStored + acceptsStored + outcomesStored + reassignAcksStored,
    inboundAcked: ledger.inboundAcked.size,
    inboundStored,
    lostContacts: ledger.inboundAcked.size - inboundStored,
    openContacts: contacts.filter((c) => c.status !== 'closed').length,
    acceptsAcked: ledger.acceptAcks.size,
    outcomesAcked: ledger.outcomeAcks.size,
    outcomesStored,
    duplicateOutcomes,
    outcomeResends: ledger.outcomeResends,
    reassignsAcked: ledger.reassignAcks.length,
    reassignsStored,
    reassignConflicts: ledger.reassignConflicts,
    doubleAssignments: doubles.size,
    reroutedContacts: extra.reroutedContacts ?? 0,
    clockFiringsExpected: extra.clockFiringsExpected ?? 0,
    clockFiringsActual: extra.clockFiringsActual ?? 0,
    reconnects: ledger.reconnects,
    resyncFinds: ledger.resyncFinds,
    statusRetries: ledger.statusRetries,
    serverErrorRetries: ledger.serverErrorRetries,
  };
  // One line a person (and CI's log) can read, and the whole record for a machine.
  console.log(
    `[chaos] ${scenario}: acked writes ${counts.ackedWrites}, stored ${counts.storedWrites}; ` +
      `contacts acked ${counts.inboundAcked}, stored ${counts.inboundStored}, lost ${counts.lostContacts}, open ${counts.openContacts}; ` +
      `double assignments ${counts.doubleAssignments}; outcomes acked ${counts.outcomesAcked}, stored ${counts.outcomesStored}, duplicates ${counts.duplicateOutcomes}, resends ${counts.outcomeResends}; ` +
      `reassigns acked ${counts.reassignsAcked}, stored ${counts.reassignsStored}, refused ${counts.reassignConflicts}, lost acks ${ledger.reassignLostAcks}; ` +
      `re-routed contacts ${counts.reroutedContacts}; clock firings expected ${counts.clockFiringsExpected}, actual ${counts.clockFiringsActual}; ` +
      `reconnects ${counts.reconnects}, resync finds ${counts.resyncFinds}, status retries ${counts.statusRetries}, server-error retries ${counts.serverErrorRetries}`,
  );
  console.log(`[chaos-json] ${JSON.stringify(counts)}`);
  return counts;
}

/**
 * Waits until every contact is closed (the agents keep working) and no command waits for its ack,
 * or gives up; returns how many contacts are still open.
 */
export async function drain(
  cluster: ChaosCluster,
  timeoutMs: number,
  onTick: () => Promise<void> = async () => undefined,
  pendingCommands: () => number = () => 0,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await cluster.db
      .selectFrom('contacts')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '!=', 'closed')
      .executeTakeFirstOrThrow();
    const n = Number(open.n);
    // Closed in the database is not enough: the acks of the last commands must be in too.
    if ((n === 0 && pendingCommands() === 0) || Date.now() > deadline) return n;
    await onTick();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
