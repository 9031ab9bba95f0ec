import { describe, expect, it } from 'vitest';
import type { StorageMode, TestServer } from './harness';
import { clientsPerTest, inboundContact, postInbound, STORAGE_MODES, startServer } from './harness';

describe.each(STORAGE_MODES)('routing reads a shortlist of agents on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('plans a contact on the best-ranked few agents of its topic, not on every agent', async () => {
    server = await startServer(mode);
    const { routing } = server.app.services;
    const agents = await Promise.all(['agent1', 'agent2', 'agent3'].map((name) => connect(name)));
    for (const agent of agents) await agent.sendOk('agent:set-status', { status: 'available' });
    const before = { ...routing.stats };
    const arrived = await postInbound(server.url, inboundContact({ from: '081299990001' }));
    expect(arrived.status).toBe(201);
    const offered = await Promise.race(
      agents.map((agent) =>
        agent.next('offer:created', (offer) => offer.contact.id === arrived.body.contactId),
      ),
    );
    expect(offered.contact.id).toBe(arrived.body.contactId);
    expect(routing.stats.shortlisted).toBeGreaterThan(before.shortlisted);
    expect(routing.stats.everyAgentRead).toBe(before.everyAgentRead);
  });
});
