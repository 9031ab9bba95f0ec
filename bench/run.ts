/**
 * `npm run bench`: routing time in process, then the real server in a child process under N
 * connected agents, then bare `ws` and bare Socket.IO baselines with the same number of clients;
 * prints one table with ratios and writes everything to bench/results/<timestamp>.json.
 *
 *   npm run bench                      500 agents, 50 contacts/s for 20 s, SQLite
 *   npm run bench -- --agents 1000 --rate 100
 *   npm run bench -- --pg              PostgreSQL (fresh schema, dropped after)
 *   npm run bench -- --nodes 2         two server processes sharing PostgreSQL and Redis
 *   npm run bench -- --quick           20 agents, 5 s, 1,000 × 100 routing (for the smoke test)
 *   npm run bench -- --profile         a CPU profile of the server's measured window, in bench/results/profiles/
 *   npm run bench -- --sql-stats       prints the statements the server spent most time in
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  runSocketIoBaseline,
  runWsBaseline,
  type BroadcastResult,
  type SocketIoBaselineResult,
} from './baseline-load';
import { bundleTable, measureBundle, type ScreenWeight } from './bundle-size';
import { BENCH_DIR } from './ipc';
import { benchRouting, type RoutingResult, type RoutingSize } from './routing';
import type { Summary } from './stats';
import { runTanggapLoad, type TanggapLoadResult } from './tanggap-load';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pg: { type: 'boolean', default: false },
    nodes: { type: 'string' },
    agents: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    'routing-runs': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'sql-stats': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  process.stdout.write(
    'npm run bench -- [--quick] [--pg] [--nodes N] [--profile] [--sql-stats] [--agents N] [--rate contacts/s] [--duration seconds] [--routing-runs N]\n',
  );
  process.exit(0);
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    process.stderr.write(`--${name} must be a positive number\n`);
    process.exit(2);
  }
  return parsed;
}

const isQuick = args.quick;
const nodes = Math.round(positive(args.nodes, 1, 'nodes'));
// Several nodes share one database, which SQLite (one process) cannot be.
const isPostgres = args.pg || nodes > 1;
const storageName = `${isPostgres ? 'PostgreSQL' : 'SQLite'}${nodes > 1 ? `, ${nodes} nodes + Redis` : ''}`;
const agents = Math.round(positive(args.agents, isQuick ? 20 : 500, 'agents'));
const ratePerSecond = positive(args.rate, isQuick ? 10 : 50, 'rate');
const durationMs = positive(args.duration, isQuick ? 5 : 20, 'duration') * 1000;
const routingRuns = Math.round(positive(args['routing-runs'], isQuick ? 10 : 20, 'routing-runs'));
const routingSizes: RoutingSize[] = isQuick
  ? [{ contacts: 1000, agents: 100 }]
  : [
      { contacts: 10_000, agents: 1000 },
      { contacts: 1000, agents: 100 },
    ];
// Each baseline broadcast is measured alone: the next goes once all clients had the last.
const broadcastGapMs = 20;
const broadcasts = isQuick ? 20 : 100;

// Bounded no matter what happens: the children end with us (their IPC channel closes).
const HARD_LIMIT_MS = isQuick ? 100_000 : 290_000;
setTimeout(() => {
  process.stderr.write(`bench: stopped after ${HARD_LIMIT_MS / 1000} s (time limit)\n`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();

const runStarted = performance.now();
function log(line: string): void {
  const seconds = ((performance.now() - runStarted) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench ${seconds}s] ${line}\n`);
}

function format(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const digits = Math.abs(value) < 10 ? 2 : 1;
  return value.toFixed(digits);
}

function ratio(value: number | undefined, baseline: number | undefined): string {
  if (value === undefined || baseline === undefined || baseline <= 0) return '—';
  return `${(value / baseline).toFixed(2)}×`;
}

interface Row {
  figure: string;
  value: Summary | null;
  baselineName?: string;
  baseline?: Summary | null;
}

function table(rows: Row[]): string {
  const header = [
    'figure',
    'p50',
    'p99',
    'max',
    'baseline',
    'base p50',
    'base p99',
    'ratio p50',
    'ratio p99',
  ];
  const lines = rows.map((row) => [
    row.figure,
    format(row.value?.p50),
    format(row.value?.p99),
    format(row.value?.max),
    row.baselineName ?? '—',
    format(row.baseline?.p50),
    format(row.baseline?.p99),
    ratio(row.value?.p50, row.baseline?.p50 ?? undefined),
    ratio(row.value?.p99, row.baseline?.p99 ?? undefined),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const render = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    render(header),
    `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...lines.map(render),
  ].join('\n');
}

function valueTable(rows: Row[]): string {
  const lines = rows.map((row) => [row.figure, format(row.value?.p50)]);
  const width = Math.max('figure'.length, ...lines.map(([figure]) => figure!.length));
  const valueWidth = Math.max('value'.length, ...lines.map(([, value]) => value!.length));
  return [
    `| ${'figure'.padEnd(width)} | ${'value'.padStart(valueWidth)} |`,
    `|:${'-'.repeat(width + 1)}|${'-'.repeat(valueWidth + 1)}:|`,
    ...lines.map(
      ([figure, value]) => `| ${figure!.padEnd(width)} | ${value!.padStart(valueWidth)} |`,
    ),
  ].join('\n');
}

function single(value: number): Summary {
  return { count: 1, min: value, p50: value, p99: value, max: value, mean: value };
}

/** The client's weight per screen, from the last build; builds first when there is none. */
function measureBuiltBundle(): ScreenWeight[] {
  if (!fs.existsSync(path.resolve('dist/client/.vite/manifest.json'))) {
    log('client: no build found, running vite build');
    execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  }
  return measureBundle();
}

async function main(): Promise<number> {
  const loadBefore = os.loadavg()[0]!;
  log(
    `${isQuick ? 'quick' : 'full'} run: ${agents} agents, ${ratePerSecond} contacts/s for ${durationMs / 1000} s, ${storageName}; ${os.cpus().length} cores, Node ${process.version}`,
  );
  const routing: RoutingResult[] = [];
  for (const size of routingSizes) {
    log(
      `routing: planOffers ${size.contacts} contacts × ${size.agents} agents, ${routingRuns} runs`,
    );
    routing.push(benchRouting(size, routingRuns));
  }

  const load: TanggapLoadResult = await runTanggapLoad({
    agents,
    ratePerSecond,
    durationMs,
    postsGraceMs: isQuick ? 15_000 : 60_000,
    drainMs: isQuick ? 8000 : 15_000,
    thinkMs: [200, 500],
    storage: isPostgres ? 'postgres' : 'sqlite',
    nodes,
    profileDir: args.profile ? path.join(BENCH_DIR, 'results', 'profiles') : undefined,
    isSqlStatsOn: args['sql-stats'],
    log,
  });

  // The complete state a lead holds (every queue, agents by status), broadcast whole to all N+1.
  const state: unknown = load.sampleQueueState
    ? JSON.parse(load.sampleQueueState)
    : { version: 1, at: Date.now(), queues: [], agentsByStatus: {} };
  const receivers = load.setup.receivers;
  const ws: BroadcastResult = await runWsBaseline({
    clients: receivers,
    broadcasts,
    gapMs: broadcastGapMs,
    state,
    log,
  });
  const sio: SocketIoBaselineResult = await runSocketIoBaseline({
    clients: receivers,
    broadcasts,
    gapMs: broadcastGapMs,
    state,
    ratePerSecond,
    offerMs: isQuick ? 1000 : 5000,
    log,
  });

  const big = routing[0]!;
  const rows: Row[] = [
    ...routing.map((result) => ({
      figure: `routing planOffers ${result.size.contacts.toLocaleString('en')}×${result.size.agents.toLocaleString('en')} (ms)`,
      value: result.planOffersMs,
      baselineName: 'naive FIFO',
      baseline: result.fifoMs,
    })),
    {
      figure: `routing: sort ${big.size.contacts.toLocaleString('en')} contacts only (ms)`,
      value: big.sortOnlyMs,
      baselineName: 'naive FIFO',
      baseline: big.fifoMs,
    },
    {
      figure: 'offer latency: inbound sent → offer (ms)',
      value: load.latencyMs.offerFromRequest,
      baselineName: 'bare Socket.IO',
      baseline: sio.offerFromRequestMs,
    },
    {
      figure: 'offer latency: inbound response → offer (ms)',
      value: load.latencyMs.offerFromResponse,
    },
    { figure: 'POST /api/inbound response (ms)', value: load.latencyMs.inboundResponse },
    {
      figure: 'offer:accept ack (ms)',
      value: load.latencyMs.acceptAck,
      baselineName: 'bare Socket.IO',
      baseline: sio.commandAckMs,
    },
    {
      figure: 'outcome:log ack (ms)',
      value: load.latencyMs.outcomeAck,
      baselineName: 'bare Socket.IO',
      baseline: sio.commandAckMs,
    },
    {
      figure: 'agent:set-status available ack (ms)',
      value: load.latencyMs.readyAck,
      baselineName: 'bare Socket.IO',
      baseline: sio.commandAckMs,
    },
    {
      figure: 'queue state: server change → all its recipients hold it (ms)',
      value: load.latencyMs.queueStateFromServer,
      baselineName: 'bare ws',
      baseline: ws.emitToLastReceiptMs,
    },
    {
      figure: 'queue state: inbound response → next one held by its recipients (ms)',
      value: load.latencyMs.queueStateFromResponse,
      baselineName: 'bare ws',
      baseline: ws.emitToLastReceiptMs,
    },
    {
      figure: 'bare Socket.IO broadcast → last receipt (ms)',
      value: sio.emitToLastReceiptMs,
      baselineName: 'bare ws',
      baseline: ws.emitToLastReceiptMs,
    },
    {
      figure: 'broadcast: server loop blocked per emit (ms)',
      value: sio.serverEmitBlockMs,
      baselineName: 'bare ws',
      baseline: ws.serverEmitBlockMs,
    },
  ];
  const serverWindow = load.server.window;
  if (serverWindow) {
    const delay = serverWindow.eventLoopDelayMs;
    rows.push({
      figure: 'server event-loop delay (ms)',
      value: { count: 0, min: 0, mean: delay.mean, p50: delay.p50, p99: delay.p99, max: delay.max },
    });
  }
  const singles: Row[] = [
    {
      figure: 'server RSS per connected agent (KB)',
      value: single(load.server.rssPerAgentBytes / 1024),
    },
    ...(serverWindow
      ? [
          {
            figure: 'server CPU during load (% of one core)',
            value: single(serverWindow.cpuPercent),
          },
        ]
      : []),
    {
      figure: 'bytes sent per agent per second (KB)',
      value: single(load.bytesPerAgentPerSecond / 1024),
    },
    ...(serverWindow?.sqliteCommits
      ? [
          {
            figure: 'SQLite transactions per commit (group commit)',
            value: single(
              serverWindow.sqliteCommits.transactions /
                Math.max(1, serverWindow.sqliteCommits.commits),
            ),
          },
        ]
      : []),
    { figure: 'queue states published per second', value: single(load.queueStatesPerSecond) },
    {
      figure: 'queue-state messages per second (all sockets)',
      value: single(load.queueStateMessagesPerSecond),
    },
    {
      figure: 'queue-state message size (KB, JSON, mean)',
      value: single(load.queueStateMessageBytes / 1024),
    },
    { figure: 'complete queue state size (KB, JSON)', value: single(ws.payloadBytes / 1024) },
    { figure: 'load process CPU (% of one core)', value: single(load.loadProcess.cpuPercent) },
    {
      figure: 'load process event-loop delay p99 (ms)',
      value: single(load.loadProcess.eventLoopDelayP99Ms),
    },
  ];

  const bundle = measureBuiltBundle();

  const loadAfter = os.loadavg()[0]!;
  const counts = load.counts;
  const countLines = [
    `contacts sent ${counts.contactsSent}, accepted (201) ${counts.contactsAccepted}, inbound errors ${counts.inboundErrors}, inbound unanswered at end ${counts.inboundPendingAtEnd}`,
    `offers received ${counts.offersReceived} for ${counts.contactsOffered} contacts, duplicate offers ${counts.duplicateOffers}, re-offers after expiry ${counts.reOffersAfterExpiry}, offers for unknown contacts ${counts.offersForUnknownContacts}, offers before the inbound response ${load.offersBeforeResponse}`,
    `accepts ok ${counts.acceptsOk}, offers expired before the accept ${counts.offersExpiredBeforeAccept}, accept errors ${counts.acceptErrors}; outcomes acked ${counts.outcomesAcked}, outcome errors ${counts.outcomeErrors}, ready errors ${counts.readyErrors}`,
    `still waiting at end ${counts.stillWaitingAtEnd}, offers in flight at end ${counts.offersInFlightAtEnd}, agents still busy at end ${counts.agentsBusyAtEnd}, lost contacts ${counts.lostContacts}; socket errors ${counts.socketErrors}`,
    `queue states in window ${counts.queueStatesInWindow} (not held by all their recipients ${counts.queueStatesIncomplete}), gaps ${counts.queueStateGaps}, views wrong at end ${counts.queueViewsWrongAtEnd}, unexpected scopes ${counts.queueScopesUnexpected}; server contacts by status ${JSON.stringify(serverWindow?.contactsByStatus ?? {})}, offered more than once (server) ${serverWindow?.contactsOfferedMoreThanOnce ?? '—'}`,
    `baseline counts: ws ${ws.broadcasts} broadcasts × ${ws.clients} clients (incomplete ${ws.incomplete}); Socket.IO ${sio.broadcasts} broadcasts (incomplete ${sio.incomplete}), offers ${sio.offers.received}/${sio.offers.sent}; payload ${ws.payloadBytes} bytes`,
    `drained: ${load.isDrained ? 'yes' : 'NO (the server was still behind when the drain time ran out)'}; machine load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
    ...(serverWindow?.nodes
      ? [
          `per node: ${serverWindow.nodes
            .map(
              (node, index) =>
                `node ${index + 1}: ${node.sockets} sockets, CPU ${format(node.cpuPercent)}%, loop delay p99 ${format(node.eventLoopDelayP99Ms)} ms, RSS ${format(node.rssBytes / 1024 / 1024)} MB`,
            )
            .join('; ')}`,
        ]
      : []),
    `setup: agents created in ${format(load.setup.createAgentsMs)} ms, signed in in ${format(load.setup.signInMs)} ms, ${receivers} sockets connected in ${format(load.setup.connectMs)} ms, Available in ${format(load.setup.setAvailableMs)} ms; server log lines ${load.server.logLines}`,
  ];

  const title = `Tanggap bench — ${agents} agents + 1 lead, ${ratePerSecond} contacts/s for ${durationMs / 1000} s, ${storageName}, ${os.cpus().length} cores, Node ${process.version}`;
  const output = [
    '',
    title,
    ...(loadBefore > os.cpus().length / 2
      ? [
          `NOTE: the machine was busy before the run (load average ${loadBefore.toFixed(2)} on ${os.cpus().length} cores): figures are pessimistic.`,
        ]
      : []),
    '',
    table(rows),
    '',
    valueTable(singles),
    '',
    'Client: JavaScript a browser downloads before each screen shows (the last `vite build`):',
    bundleTable(bundle),
    '',
    'Counts:',
    ...countLines.map((line) => `  ${line}`),
    ...(load.errors.length > 0
      ? ['Errors (first few):', ...load.errors.slice(0, 10).map((e) => `  ${e}`)]
      : []),
    ...(serverWindow?.topSql
      ? [
          'Server SQL by total time (--sql-stats):',
          ...serverWindow.topSql.map(
            (entry) =>
              `  ${format(entry.totalMs).padStart(8)} ms ${String(entry.count).padStart(6)}× max ${format(entry.maxMs).padStart(6)} ms  ${entry.sql.slice(0, 160)}`,
          ),
        ]
      : []),
    ...(serverWindow?.profileFile
      ? [
          `Server CPU profile of the window: ${path.relative(process.cwd(), serverWindow.profileFile)}`,
        ]
      : []),
    ...(load.server.firstLogLines.length > 0
      ? [
          'Server log (first lines):',
          ...load.server.firstLogLines.slice(0, 5).map((line) => `  ${line}`),
        ]
      : []),
    '',
  ].join('\n');
  process.stdout.write(output);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(BENCH_DIR, 'results', `${stamp}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
        machine: {
          cores: os.cpus().length,
          cpu: os.cpus()[0]?.model ?? 'unknown',
          memoryBytes: os.totalmem(),
          node: process.version,
          platform: `${os.platform()} ${os.release()}`,
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadAfter,
        },
        settings: {
          agents,
          ratePerSecond,
          durationMs,
          routingRuns,
          broadcasts,
          broadcastGapMs,
          isQuick,
          storage: isPostgres ? 'postgres' : 'sqlite',
          nodes,
        },
        routing,
        load: { ...load, sampleQueueState: undefined },
        baselines: { ws, socketIo: sio },
        table: { rows, singles },
        bundle,
      },
      null,
      2,
    )}\n`,
  );
  log(`results written to ${path.relative(process.cwd(), file)}`);

  const failures: string[] = [];
  if (counts.lostContacts !== 0) failures.push(`${counts.lostContacts} lost contacts`);
  if (load.isDrained && counts.offersInFlightAtEnd !== 0) {
    failures.push(`${counts.offersInFlightAtEnd} offers made but never received`);
  }
  if (counts.duplicateOffers !== 0) failures.push(`${counts.duplicateOffers} duplicate offers`);
  if (counts.inboundErrors !== 0) failures.push(`${counts.inboundErrors} inbound errors`);
  if (counts.contactsOffered === 0) failures.push('no contact was offered');
  if (failures.length > 0) {
    process.stdout.write(`BENCH FAILED: ${failures.join(', ')}\n`);
    return 1;
  }
  process.stdout.write(
    `Bench finished in ${((performance.now() - runStarted) / 1000).toFixed(1)} s.\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
