/**
 * One string instance per room name, shared by every use: V8 keeps property names once, in its
 * string table, for as long as anything refers to them. A room name is held by the adapter for
 * every socket in the room and by every fact kept for connection-state recovery (60–120 s of
 * them, some addressed to each agent's own room); built afresh each time, every copy costs
 * ~40 bytes more.
 */
function interned(name: string): string {
  const holder: Record<string, true> = Object.create(null) as Record<string, true>;
  holder[name] = true;
  return Object.keys(holder)[0]!;
}

/** Socket.IO room names: who receives which facts. */
export const rooms = {
  user: (userId: string) => interned(`user:${userId}`),
  /** Trainers, leads and admins following one agent's work. */
  monitor: (agentId: string) => interned(`monitor:${agentId}`),
  agents: 'role:agents',
  leads: 'role:leads',
  trainers: 'role:trainers',
  admins: 'role:admins',
  /** The leads of one team: facts about that team's agents and work go here (and to admins). */
  teamLeads: (teamId: string) => interned(`team:${teamId}:leads`),
} as const;

/**
 * Who gets the whole queue state (every queue, agents by status); each agent gets the queues they
 * serve instead, in their own room (`QueueStateService`).
 */
export const everyQueueWatchers = [rooms.leads, rooms.trainers];
