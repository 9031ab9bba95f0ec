import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config/config';
import { createHttpServer } from './http/http-server';
import { registerLiveGauges } from './observability/live-gauges';
import { createMetrics } from './observability/metrics';
import { startIntervalJob } from './jobs/interval-job';
import { PresenceService } from './modules/agents/service';
import { CapacityService } from './modules/capacity/service';
import { registerOperationsRoutes } from './modules/cluster/handlers';
import { ClusterService } from './modules/cluster/service';
import { ScriptEditorService } from './modules/scripts/editor-service';
import { ScriptService } from './modules/scripts/service';
import { AuthService } from './modules/auth/service';
import { CampaignService } from './modules/campaigns/service';
import { CaseService } from './modules/cases/service';
import { CoachingService } from './modules/coaching/service';
import { EvaluationService } from './modules/evaluations/service';
import { systemClock, type Clock, type ServiceContext } from './modules/context';
import { InboundService } from './modules/inbound/service';
import { createWebhookGateway } from './modules/messaging/gateway';
import { MessagingService } from './modules/messaging/service';
import { OutcomeService } from './modules/outcomes/service';
import { PolicyReportService } from './modules/reports/service';
import { QueueMetricsService } from './modules/queue-state/metrics-service';
import { QueueStateService } from './modules/queue-state/service';
import { RoutingService } from './modules/routing/service';
import type { Services } from './modules/services';
import { SupervisionService } from './modules/supervision/service';
import { LeadAlertService } from './modules/team-lead/alerts-service';
import { TeamLeadService } from './modules/team-lead/service';
import { TransferService } from './modules/transfers/service';
import { VoiceService } from './modules/voice/service';
import { InFlight } from './realtime/in-flight';
import { createPublisher, type Publisher } from './realtime/publisher';
import { connectRedis } from './realtime/redis';
import {
  attachRealtime,
  createSocketServer,
  disconnectSession,
  type TanggapServer,
} from './realtime/socket-server';
import { seedDemoUnits } from './seed/calendar-seed';
import { seedDemoUnitStaff } from './seed/unit-staff';
import { seedDemoTeams } from './seed/teams-seed';
import { seedDemoCannedResponses } from './seed/canned-responses-seed';
import { seedDemoKnowledge } from './seed/knowledge-seed';
import { seedDemoPolicies } from './seed/policies-seed';
import { ensureAdministrator, seedBaseData, seedDemoData } from './seed/seed';
import { seededRandom } from './simulator/generate';
import { startSimulatedCalls } from './simulator/simulated-calls';
import { createSimulatedChannel } from './simulator/simulated-channel';
import { startSimulator } from './simulator/simulator';
import { acquireStartupLock, migrateToLatest, openStore, type Store } from './store/database';

export interface Application {
  http: FastifyInstance;
  io: TanggapServer;
  store: Store;
  services: Services;
  log: Logger;
  /** Listens on config.port (0 for an ephemeral port) and returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface ApplicationOptions {
  clock?: Clock;
  logger?: Logger;
}

/** The one place that wires config, storage, services, HTTP, Socket.IO and jobs together. */
export async function createApplication(
  config: Config,
  options: ApplicationOptions = {},
): Promise<Application> {
  const log =
    options.logger ??
    pino({
      level: config.logLevel,
      // Every line says which node wrote it.
      base: { pid: process.pid, node: config.nodeId },
      // Personal data never reaches the logs, even by accident through a logged object.
      redact: [
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        '*.password',
        '*.from',
        '*.phone',
        '*.nik',
      ],
    });
  const clock = options.clock ?? systemClock;
  const store = openStore({
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const releaseStartupLock = await acquireStartupLock({
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    dataDir: config.dataDir,
  });
  const applied = await migrateToLatest(store, config.databaseSchema);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  await seedBaseData(store.db, clock.now());
  if (config.isDemo) {
    if (await seedDemoData(store.db, clock.now())) log.info('demo organisation seeded');
    if (await seedDemoUnits(store.db, clock.now())) log.info('demo units seeded (WITA, WIT)');
    if (await seedDemoUnitStaff(store.db, clock.now())) log.info('demo unit staff seeded');
    if (await seedDemoTeams(store.db, clock.now())) log.info('demo second team seeded');
    if (await seedDemoKnowledge(store.db, clock.now())) log.info('demo knowledge base seeded');
    if (await seedDemoCannedResponses(store.db, clock.now())) {
      log.info('demo canned responses seeded');
    }
    if (await seedDemoPolicies(store.db, clock.now())) log.info('demo policies seeded');
  } else if (config.adminUsername && config.adminPassword) {
    if (
      await ensureAdministrator(store.db, config.adminUsername, config.adminPassword, clock.now())
    ) {
      log.info({ username: config.adminUsername }, 'first administrator created');
    }
  }
  await releaseStartupLock();

  // Services need a publisher, the publisher needs io, io needs the HTTP server, and the HTTP
  // server needs the services: the publisher is bound to io once it exists. Likewise the demo's
  // simulated channel and the services it feeds.
  const late: {
    io?: TanggapServer;
    publisher?: Publisher;
    inbound?: InboundService;
    messaging?: MessagingService;
  } = {};
  const metrics = createMetrics(config.nodeId);
  const publisher: Publisher = {
    publish: (to, name, fact, options) => {
      metrics.facts.inc({ fact: name });
      late.publisher?.publish(to, name, fact, options);
    },
    publishHere: (to, name, fact) => {
      metrics.facts.inc({ fact: name });
      late.publisher?.publishHere(to, name, fact);
    },
    signalPeers: (signal) => late.publisher?.signalPeers(signal),
  };
  const ctx: ServiceContext = { db: store.db, config, clock, publisher, log };
  const queueState = new QueueStateService(ctx);
  const queueMetrics = new QueueMetricsService(ctx);
  queueState.onChange(() => queueMetrics.changed());
  const routing = new RoutingService(ctx, queueState);
  const cluster = new ClusterService(ctx);
  const random = seededRandom(Date.now() & 0xffff);
  const simulatedChannel = config.isSimulatorOn
    ? createSimulatedChannel({
        random,
        receive: (body) => late.inbound!.receive(body),
        confirmDelivered: (messageId) => late.messaging!.receipt(messageId, 'delivered', undefined),
        onError: (error) => log.warn({ err: error }, 'simulated channel failed'),
      })
    : undefined;
  const webhooks = new Map(
    Object.entries(config.outboundWebhooks).map(([channel, url]) => [
      channel,
      createWebhookGateway({ url, secret: config.outboundWebhookSecret }),
    ]),
  );
  const messaging = new MessagingService(
    ctx,
    (channel) => webhooks.get(channel) ?? simulatedChannel,
  );
  const inbound = new InboundService(ctx, routing, queueState, messaging);
  const cases = new CaseService(ctx);
  const leadAlerts = new LeadAlertService(ctx, queueState);
  // A queue crossing its threshold is told to its leads within a second of the change.
  let isAlertScanDue = false;
  queueState.onChange(() => {
    // One scan per published state, however many changes it folds (hundreds a second under load).
    if (isAlertScanDue) return;
    isAlertScanDue = true;
    // Listeners run before the new state is computed: scan once it has been published.
    setImmediate(() => {
      queueState
        .settled()
        .then(() => {
          isAlertScanDue = false;
          return leadAlerts.requestScan();
        })
        .catch((error: unknown) => {
          isAlertScanDue = false;
          log.warn({ err: error }, 'lead alert scan failed');
        });
    });
  });
  late.inbound = inbound;
  late.messaging = messaging;
  const services: Services = {
    ctx,
    auth: new AuthService(ctx),
    capacity: new CapacityService(ctx, routing),
    scripts: new ScriptService(ctx),
    scriptEditor: new ScriptEditorService(ctx),
    inbound,
    messaging,
    routing,
    presence: new PresenceService(ctx, routing, queueState, cluster),
    outcomes: new OutcomeService(ctx, routing, queueState, cases),
    supervision: new SupervisionService(ctx, routing, queueState),
    transfers: new TransferService(ctx, routing, queueState),
    queueState,
    queueMetrics,
    voice: new VoiceService(ctx, routing, queueState),
    cases,
    campaigns: new CampaignService(ctx),
    policyReports: new PolicyReportService(ctx),
    coaching: new CoachingService(ctx, routing, messaging, queueState),
    evaluations: new EvaluationService(ctx),
    teamLead: new TeamLeadService(ctx, routing, queueState, leadAlerts),
    cluster,
  };

  const http = await createHttpServer({
    config,
    log,
    store,
    services,
    onSignedOut: (userId, token) =>
      late.io ? disconnectSession(late.io, userId, token) : Promise.resolve(),
  });
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, config.redisPrefix, log)
    : undefined;
  // A draining node answers with `Connection: close`, so keep-alive clients move to another node.
  http.addHook('onRequest', async (_request, reply) => {
    if (cluster.draining) void reply.header('connection', 'close');
  });
  registerOperationsRoutes(http, {
    store,
    cluster,
    redis,
    metrics,
    metricsToken: config.metricsToken,
  });
  const socketServer = createSocketServer(http.server, redis?.adapter);
  late.io = socketServer;
  late.publisher = createPublisher(socketServer, { hasPeers: redis !== undefined });
  // A change another node made: this node pushes it to its own sockets too.
  socketServer.on('queue-state:changed', () => void queueState.changedElsewhere());
  const inFlight = new InFlight();
  attachRealtime(socketServer, services, {
    inFlight,
    metrics,
    isDraining: () => cluster.draining,
  });
  registerLiveGauges(metrics, { store, services, redis, io: socketServer, inFlight });

  let jobs: { stop(): void }[] = [];
  return {
    http,
    io: socketServer,
    store,
    services,
    log,
    async listen() {
      await cluster.join();
      await http.listen({ port: config.port, host: config.host });
      await services.presence.startGraceForSignedInAgents();
      jobs = [
        // This node's heartbeat; nodes that stopped beating are removed by whoever sees it first,
        // and agents whom no live node holds a socket for get the grace period to come back.
        startIntervalJob(
          'cluster-heartbeat',
          config.nodeHeartbeatMs,
          async () => {
            await cluster.beat();
            await cluster.sweepDeadNodes();
            await services.presence.startGraceForSignedInAgents();
          },
          log,
        ),
        // Offers past their deadline; contacts whose decline cool-down has passed get a new pass.
        startIntervalJob('offer-expiry', 250, () => routing.expireDueOffers(), log),
        startIntervalJob('routing-sweep', 2000, () => routing.requestPass(), log),
        startIntervalJob(
          'after-contact-work',
          500,
          () => services.presence.endExpiredTimedPresence(),
          log,
        ),
        startIntervalJob('message-delivery', 500, () => messaging.deliverDue(), log),
        // Pending metric changes, and a new interval even when nothing else happens.
        startIntervalJob('queue-metrics', 1000, () => queueMetrics.tick(), log),
        // Case clocks: warnings, breaches, escalations and unacknowledged hand-offs.
        startIntervalJob('case-clocks', config.caseScanMs, () => cases.scan(), log),
        // Last week's digest per owning unit, once (claimed by its unique unit and week).
        startIntervalJob(
          'policy-digests',
          config.policyDigestScanMs,
          () => services.policyReports.generateDueDigests(),
          log,
        ),
        // Lead alerts whose condition began or ended without a queue change (time passing).
        startIntervalJob('lead-alerts', 1000, () => leadAlerts.requestScan(), log),
      ];
      if (config.isSimulatorOn) {
        // The demo's telephony: simulated callers are answered, held, hang up or give up waiting.
        jobs.push(
          startSimulatedCalls({
            db: store.db,
            now: () => clock.now(),
            send: (event) => services.voice.receive(event),
            log,
          }),
        );
      }
      if (config.isSimulatorOn) {
        jobs.push(
          startSimulator({
            meanIntervalMs: config.simulatorIntervalMs,
            maxWaiting: 15,
            random,
            countWaiting: async () => {
              const state = await queueState.current();
              return state.queues.reduce((sum, queue) => sum + queue.waiting, 0);
            },
            receive: (body) => services.inbound.receive(body),
            log,
          }),
        );
      }
      void routing.requestPass();
      const address = http.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://localhost:${port}`;
    },
    async close() {
      // Draining: readiness turns 503 and new sockets are refused, so traffic moves elsewhere.
      await cluster.drain().catch((error: unknown) => log.warn({ err: error }, 'drain not told'));
      for (const job of jobs) job.stop();
      leadAlerts.stop();
      // Commands already started commit and answer before their sockets close.
      if (!(await inFlight.drained(config.shutdownDrainMs))) {
        log.warn({ inFlight: inFlight.size }, 'shutting down with commands still running');
      }
      services.presence.stop();
      // Clients see the transport close and reconnect, through the load balancer, to another node.
      // A keep-alive HTTP connection still in use would hold the close open: past the drain time
      // it is cut (its client retries elsewhere; inbound webhooks are idempotent).
      const forceClose = setTimeout(
        () => http.server.closeAllConnections(),
        config.shutdownDrainMs,
      );
      await new Promise<void>((resolve) => socketServer.close(() => resolve()));
      clearTimeout(forceClose);
      await http.close();
      await services.presence.settled();
      await cluster.leave().catch((error: unknown) => log.warn({ err: error }, 'leave failed'));
      // Refreshes still to come tell no other node (Redis is going away).
      queueState.stop();
      await redis?.close();
      // Work already started finishes before the database goes away.
      await routing.settled();
      await queueState.settled();
      await messaging.settled();
      await queueMetrics.settled();
      await leadAlerts.settled();
      await store.close();
    },
  };
}
