import type { Server as HttpServer } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events';
import type { User } from '../../shared/schemas/user';
import { SESSION_COOKIE } from '../modules/auth/service';
import type { Services } from '../modules/services';
import type { Metrics } from '../observability/metrics';
import { createCommandDispatcher, type CommandHandlers } from './command-dispatcher';
import { InFlight } from './in-flight';
import type { InterServerEvents } from './publisher';
import { CompactRecoveryAdapter } from './recovery-adapter';
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
    // One node keeps recent facts for recovery in memory; with Redis they live in Redis streams.
    adapter: adapter ?? CompactRecoveryAdapter,
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
  const { auth, presence, ctx } = services;

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

  const dispatcher = createCommandDispatcher({
    handlers: commandHandlers(services),
    userForToken: (token) => auth.userForToken(token),
    inFlight,
    ...(metrics ? { metrics } : {}),
    log: ctx.log,
  });
  // One function for every agent socket: Socket.IO calls it with the socket as `this`.
  function agentDisconnected(this: TanggapSocket) {
    void presence.disconnected(this.data.user.id);
  }

  io.on('connection', (socket) => {
    const { user } = socket.data;
    releaseUpgradeRequest(socket);
    void socket.join(rooms.user(user.id));
    if (user.role === 'agent') void socket.join(rooms.agents);
    if (user.role === 'lead' || user.role === 'admin') void socket.join(rooms.leads);
    if (user.role === 'lead' && user.teamId) void socket.join(rooms.teamLeads(user.teamId));
    if (user.role === 'admin') void socket.join(rooms.admins);
    if (user.role === 'trainer') void socket.join(rooms.trainers);
    if (user.role === 'agent') {
      presence
        .connected(user.id)
        .catch((error: unknown) =>
          ctx.log
            .child({ socketId: socket.id, userId: user.id })
            .error({ err: error }, 'presence on connect failed'),
        );
      socket.on('disconnect', agentDisconnected);
    }
    // Every command goes through the one dispatcher; other events go on as before (to nothing).
    socket.use((event, next) => {
      if (!dispatcher.receive(socket, event)) next();
    });
  });
}

/**
 * Engine.IO keeps the HTTP upgrade request (with its headers, the session cookie among them) for
 * the whole connection, and so does its upgrade response object, until the TCP socket closes;
 * Socket.IO keeps a copy of its details as `socket.handshake`. Only the authentication middleware
 * reads them, before the connection is accepted (a recovered reconnect comes with a new request
 * and is authenticated again): once connected, nothing does, so they go.
 */
function releaseUpgradeRequest(socket: TanggapSocket): void {
  const engineSocket = socket.conn as { request: { headers: unknown; rawHeaders: unknown } | null };
  const { request } = engineSocket;
  engineSocket.request = null;
  if (request) {
    request.headers = NO_HEADERS;
    request.rawHeaders = NO_RAW_HEADERS;
  }
  const { handshake } = socket;
  handshake.headers = NO_HEADERS;
  handshake.query = NO_QUERY;
  handshake.auth = NO_AUTH;
  handshake.url = '';
  handshake.time = '';
}
const NO_HEADERS = Object.freeze({});
const NO_RAW_HEADERS = Object.freeze([]);
const NO_QUERY = Object.freeze({});
const NO_AUTH = Object.freeze({});

/** The service behind every command. */
function commandHandlers(services: Services): CommandHandlers {
  const {
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
  } = services;
  return {
    'agent:set-status': (agent, { status }) => presence.setStatus(agent.id, status),
    'offer:accept': (agent, { offerId }) => routing.accept(agent.id, offerId),
    'offer:reject': (agent, { offerId, reason }) => routing.reject(agent.id, offerId, reason),
    'outcome:log': (agent, payload) => outcomes.log(agent.id, payload),
    'message:send': (agent, payload) => messaging.send(agent.id, payload),
    'conversation:transfer': (agent, payload) => transfers.transfer(agent.id, payload),
    'script:answer': (agent, payload) => scripts.answer(agent.id, payload),
    'script:back': (agent, payload) => scripts.back(agent.id, payload),
    'conversation:reassign': (lead, payload) => supervision.reassign(lead, payload),
    'conversation:transfer-to-queue': (lead, payload) => supervision.transferToQueue(lead, payload),
    'case:create': (user, payload) => cases.create(user, payload),
    'case:transition': (user, payload) => cases.transition(user, payload),
    'case:extend': (user, payload) => cases.extend(user, payload),
    'case:pause': (user, payload) => cases.pause(user, payload),
    'case:resume': (user, payload) => cases.resume(user, payload),
    'case:hand-off': (user, payload) => cases.handOff(user, payload),
    'case:acknowledge-hand-off': (user, payload) => cases.acknowledgeHandOff(user, payload),
    'case:return-hand-off': (user, payload) => cases.returnHandOff(user, payload),
    'case:link-contact': (user, payload) => cases.linkContact(user, payload),
    'policy:mark-shared': (agent, payload) => campaigns.markShared(agent.id, payload),
    'whisper:send': (sender, payload) => coaching.whisper(sender, payload),
    'approval:decide': (approver, payload) => coaching.decide(approver, payload),
    'evaluation:submit': (evaluator, payload) => evaluations.submit(evaluator, payload),
    'evaluation:acknowledge': (agent, payload) => evaluations.acknowledge(agent, payload),
    'agent:force-status': (lead, payload) => teamLead.forceStatus(lead, payload),
    'alert:acknowledge': (lead, payload) => teamLead.alerts.acknowledge(lead, payload),
    'escalation:raise': (agent, payload) => teamLead.raiseEscalation(agent, payload),
    'escalation:answer': (lead, payload) => teamLead.answerEscalation(lead, payload),
    'escalation:join': (lead, payload) => teamLead.joinEscalation(lead, payload),
    'escalation:close': (user, payload) => teamLead.closeEscalation(user, payload),
    'announcement:publish': (lead, payload) => teamLead.publishAnnouncement(lead, payload),
    'announcement:acknowledge': (agent, payload) =>
      teamLead.acknowledgeAnnouncement(agent, payload),
    // The view this node's pushes build on, so a client that missed one reads it from here.
    'queue:state-get': (viewer) => queueState.viewFor(viewer),
    'monitor:start': async (viewer, { agentId }, socket) => {
      // Join first: a fact published while the snapshot is read is then not missed (it may
      // arrive twice, and versions make the duplicate harmless).
      await socket.join(rooms.monitor(agentId));
      try {
        return await supervision.monitorSnapshot(viewer, agentId);
      } catch (error) {
        await socket.leave(rooms.monitor(agentId));
        throw error;
      }
    },
    'monitor:stop': async (_viewer, { agentId }, socket) => {
      await socket.leave(rooms.monitor(agentId));
      return { agentId };
    },
  };
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
