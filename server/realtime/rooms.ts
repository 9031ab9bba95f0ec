/** Socket.IO room names: who receives which facts. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  /** Trainers, leads and admins following one agent's work. */
  monitor: (agentId: string) => `monitor:${agentId}`,
  agents: 'role:agents',
  leads: 'role:leads',
  trainers: 'role:trainers',
  admins: 'role:admins',
  /** The leads of one team: facts about that team's agents and work go here (and to admins). */
  teamLeads: (teamId: string) => `team:${teamId}:leads`,
} as const;

/**
 * Who gets the whole queue state (every queue, agents by status); each agent gets the queues they
 * serve instead, in their own room (`QueueStateService`).
 */
export const everyQueueWatchers = [rooms.leads, rooms.trainers];
