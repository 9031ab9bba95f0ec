import type { Server as HttpServer } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { Server, type Socket } from 'socket.io';
import type { Ack } from '../../shared/protocol/ack';
import {
  commands,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type ServerToClientEvents,
} from '../../shared/protocol/events';
import type { User } from '../../shared/schemas/user';
import { AppError } from '../modules/app-error';
import { SESSION_COOKIE } from '../modules/auth/service';
import type { Services } from '../modules/services';
import { fieldsFromIssues, invalidPayload } from '../modules/validation';
import type { Metrics } from '../observability/metrics';
import { InFlight } from './in-flight';
import type { InterServerEvents } from './publisher';
import { rooms } from './rooms';

interface SocketData {
  user: User;
  sessionToken: string;
}

export type TanggapServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
type TanggapSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

type CommandHandler<N extends CommandName> = (
  user: User,
  payload: CommandPayload<N>,
  socket: TanggapSocket,
) => Promise<CommandResult<N>>;

/**
 * `adapter`: the Redis streams adapter when several nodes share rooms (REDIS_URL); the in-memory
 * one otherwise.
 */
export function createSocketServer(
  httpServer: HttpServer,
  adapter?: AdapterFactory,
): TanggapServer {
  return new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Same origin only: the SPA is served by this process.
    cors: undefined,
    connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: false },
    ...(adapter ? { adapter } : {}),
  });
}

type AdapterFactory = NonNullable<ConstructorParameters<typeof Server>[1]>['adapter'];

export interface RealtimeOptions {
  /** Commands being handled, awaited on shutdown. */
  inFlight?: InFlight;
  metrics?: Metrics;
  /** A draining node takes no new sockets: the client tries again and lands on another node. */
  isDraining?: () => boolean;
}

/** Wires authentication, rooms and every command handler onto the Socket.IO server. */
export function attachRealtime(
  io: TanggapServer,
  services: Services,
  options: RealtimeOptions = {},
): void {
  const inFlight = options.inFlight ?? new InFlight();
  const { metrics } = options;
  const {
    auth,
    presence,
    routing,
    outcomes,
    supervision,
    messaging,
    transfers,
    scripts,
    cases,
    campaigns,
    coaching,
    evaluations,
    teamLead,
    queueState,
    ctx,
  } = services;

  io.use((socket, next) => {
    if (options.isDraining?.()) return next(new Error('draining'));
    const token = fastifyCookie.parse(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    auth
      .userForToken(token)
      .then((user) => {
        if (!user || !token) return next(new Error('unauthenticated'));
        socket.data.user = user;
        socket.data.sessionToken = token;
        next();
      })
      .catch((error: unknown) => {
        ctx.log.error({ err: error }, 'socket authentication failed');
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    const { user } = socket.data;
    const log = ctx.log.child({ socketId: socket.id, userId: user.id });
    void socket.join(rooms.user(user.id));
    if (user.role === 'agent') void socket.join(rooms.agents);
    if (user.role === 'lead' || user.role === 'admin') void socket.join(rooms.leads);
    if (user.role === 'lead' && user.teamId) void socket.join(rooms.teamLeads(user.teamId));
    if (user.role === 'admin') void socket.join(rooms.admins);
    if (user.role === 'trainer') void socket.join(rooms.trainers);
    if (user.role === 'agent') {
      presence
        .connected(user.id)
        .catch((error: unknown) => log.error({ err: error }, 'presence on connect failed'));
      socket.on('disconnect', () => presence.disconnected(user.id));
    }

    /**
     * The one way a command enters the server: role check, payload validation, then the handler;
     * every outcome, including an unexpected failure, is answered with an Ack.
     */
    function on<N extends CommandName>(name: N, handler: CommandHandler<N>): void {
      const definition = commands[name];
      const listener = async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') {
          log.warn({ command: name }, 'command without acknowledgement callback ignored');
          return;
        }
        const answer = ack as (result: Ack<CommandResult<N>>) => void;
        const startedAt = performance.now();
        const reply = (result: Ack<CommandResult<N>>) => {
          metrics?.commands.inc({ command: name, outcome: result.ok ? 'ok' : result.error.code });
          metrics?.ackSeconds.observe({ command: name }, (performance.now() - startedAt) / 1000);
          answer(result);
        };
        await inFlight.track(async () => {
          try {
            if (!(definition.roles as readonly string[]).includes(user.role)) {
              throw new AppError('forbidden', `Your role (${user.role}) may not send ${name}.`);
            }
            // A session signed out elsewhere must not keep acting through an old socket.
            const current = await auth.userForToken(socket.data.sessionToken);
            if (!current) {
              reply({
                ok: false,
                error: {
                  code: 'unauthenticated',
                  message: 'Your session has ended; please sign in again.',
                },
              });
              socket.disconnect(true);
              return;
            }
            const parsed = definition.payload.safeParse(payload);
            if (!parsed.success) throw invalidPayload(fieldsFromIssues(parsed.error.issues));
            const data = await handler(user, parsed.data as CommandPayload<N>, socket);
            reply({ ok: true, data });
          } catch (error) {
            if (error instanceof AppError) {
              reply({ ok: false, error: error.toApiError() });
            } else {
              log.error({ err: error, command: name }, 'command failed');
              reply({
                ok: false,
                error: { code: 'internal', message: 'Something went wrong on our side.' },
              });
            }
          }
        });
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are untrusted until parsed above
      socket.on(name, listener as any);
    }

    on('agent:set-status', (agent, { status }) => presence.setStatus(agent.id, status));
    on('offer:accept', (agent, { offerId }) => routing.accept(agent.id, offerId));
    on('offer:reject', (agent, { offerId, reason }) => routing.reject(agent.id, offerId, reason));
    on('outcome:log', (agent, payload) => outcomes.log(agent.id, payload));
    on('message:send', (agent, payload) => messaging.send(agent.id, payload));
    on('conversation:transfer', (agent, payload) => transfers.transfer(agent.id, payload));
    on('script:answer', (agent, payload) => scripts.answer(agent.id, payload));
    on('script:back', (agent, payload) => scripts.back(agent.id, payload));
    on('conversation:reassign', (lead, payload) => supervision.reassign(lead, payload));
    on('conversation:transfer-to-queue', (lead, payload) =>
      supervision.transferToQueue(lead, payload),
    );
    on('case:create', (user, payload) => cases.create(user, payload));
    on('case:transition', (user, payload) => cases.transition(user, payload));
    on('case:extend', (user, payload) => cases.extend(user, payload));
    on('case:pause', (user, payload) => cases.pause(user, payload));
    on('case:resume', (user, payload) => cases.resume(user, payload));
    on('case:hand-off', (user, payload) => cases.handOff(user, payload));
    on('case:acknowledge-hand-off', (user, payload) => cases.acknowledgeHandOff(user, payload));
    on('case:return-hand-off', (user, payload) => cases.returnHandOff(user, payload));
    on('case:link-contact', (user, payload) => cases.linkContact(user, payload));
    on('policy:mark-shared', (agent, payload) => campaigns.markShared(agent.id, payload));
    on('whisper:send', (sender, payload) => coaching.whisper(sender, payload));
    on('approval:decide', (approver, payload) => coaching.decide(approver, payload));
    on('evaluation:submit', (evaluator, payload) => evaluations.submit(evaluator, payload));
    on('evaluation:acknowledge', (agent, payload) => evaluations.acknowledge(agent, payload));
    on('agent:force-status', (lead, payload) => teamLead.forceStatus(lead, payload));
    on('alert:acknowledge', (lead, payload) => teamLead.alerts.acknowledge(lead, payload));
    on('escalation:raise', (agent, payload) => teamLead.raiseEscalation(agent, payload));
    on('escalation:answer', (lead, payload) => teamLead.answerEscalation(lead, payload));
    on('escalation:join', (lead, payload) => teamLead.joinEscalation(lead, payload));
    on('escalation:close', (user, payload) => teamLead.closeEscalation(user, payload));
    on('announcement:publish', (lead, payload) => teamLead.publishAnnouncement(lead, payload));
    on('announcement:acknowledge', (agent, payload) =>
      teamLead.acknowledgeAnnouncement(agent, payload),
    );
    // The view this node's pushes build on, so a client that missed one reads it from here.
    on('queue:state-get', (viewer) => queueState.viewFor(viewer));
    on('monitor:start', async (viewer, { agentId }, s) => {
      // Join first: a fact published while the snapshot is read is then not missed (it may
      // arrive twice, and versions make the duplicate harmless).
      await s.join(rooms.monitor(agentId));
      try {
        return await supervision.monitorSnapshot(viewer, agentId);
      } catch (error) {
        await s.leave(rooms.monitor(agentId));
        throw error;
      }
    });
    on('monitor:stop', async (_viewer, { agentId }, s) => {
      await s.leave(rooms.monitor(agentId));
      return { agentId };
    });
  });
}

/** Ends the sockets opened with one session (on sign-out). */
export async function disconnectSession(
  io: TanggapServer,
  userId: string,
  token: string,
): Promise<void> {
  const sockets = await io.in(rooms.user(userId)).fetchSockets();
  for (const socket of sockets) {
    if (socket.data.sessionToken === token) socket.disconnect(true);
  }
}
