/**
 * The one live store: slices for the connection, queues, agents, the agent's desk, the lead's
 * board and the trainer's monitor, plus the fact log that lets snapshots be replayed over.
 * Socket facts arrive through `ingestFact` (wired in app/); snapshots through `hydrate*` with the
 * fact cursor read before the request went out. Components read it with narrow selectors.
 */
import { create, type StateCreator } from 'zustand';
import type { AgentView } from '../../shared/schemas/agent';
import type { ContactSummary, ConversationDetail, ScriptState } from '../../shared/schemas/contact';
import type { OutcomeRecord } from '../../shared/schemas/outcome';
import type { QueueMetricsState } from '../../shared/schemas/queue-metrics';
import type { QueueState } from '../../shared/schemas/queue-state';
import type { DeskSnapshot, MonitorSnapshot, SupervisionBoard } from '../../shared/schemas/views';
import type { FactEvent } from '../lib/socket';
import {
  applyAccepted,
  applyOutcome,
  applyScriptState,
  detectGap,
  hydrateBoardData,
  hydrateDeskData,
  hydrateMonitorData,
  hydrateQueueData,
  hydrateQueueMetricsData,
  hydrateTraineesData,
  initialLiveData,
  reduceFact,
  removeOffer,
  selectConversation,
  type ConnectionStatus,
  type LiveData,
  type ResyncTarget,
} from './live-data';

/** Facts kept for replay over a snapshot that was in flight while they arrived. */
export const FACT_LOG_LIMIT = 500;

interface ConnectionSlice {
  connection: ConnectionStatus;
  serverOffsetMs: number;
  offsetSamples: number[];
  setConnection: (status: ConnectionStatus) => void;
  /** Records the server clock seen in a live fact, to correct countdowns. */
  noteServerTime: (serverAt: number, receivedAt: number) => void;
}

interface QueueSlice {
  queueState: LiveData['queueState'];
  hydrateQueue: (queueState: QueueState, since: number) => void;
  queueMetrics: LiveData['queueMetrics'];
  hydrateQueueMetrics: (queueMetrics: QueueMetricsState, since: number) => void;
}

interface AgentsSlice {
  agents: LiveData['agents'];
}

interface CallsSlice {
  calls: LiveData['calls'];
}

interface DeskSlice {
  desk: LiveData['desk'];
  hydrateDesk: (snapshot: DeskSnapshot, since: number) => void;
  /** The ack of `offer:accept`. */
  deskAccepted: (detail: ConversationDetail) => void;
  /** The ack of `outcome:log`. */
  deskOutcomeLogged: (record: OutcomeRecord) => void;
  deskAgentChanged: (view: AgentView) => void;
  /** The ack of `offer:reject`. */
  deskOfferRemoved: (offerId: string) => void;
  dismissNotice: (noticeId: string) => void;
  dismissLastLogged: () => void;
  /** The agent brings one of their conversations to the front. */
  selectConversation: (contactId: string) => void;
  /** The ack of `script:answer` / `script:back`. */
  deskScriptMoved: (state: ScriptState) => void;
}

interface BoardSlice {
  board: LiveData['board'];
  hydrateBoard: (board: SupervisionBoard, since: number) => void;
  /** The ack of `conversation:reassign`. */
  boardContactChanged: (contact: ContactSummary) => void;
}

interface TrainingSlice {
  training: LiveData['training'];
  hydrateTrainees: (trainees: AgentView[], since: number) => void;
  hydrateMonitor: (snapshot: MonitorSnapshot, since: number) => void;
  clearMonitor: () => void;
}

interface FactsSlice {
  /** Arrival number of the last fact; read it before a request to replay what comes meanwhile. */
  factSeq: number;
  factLog: { seq: number; event: FactEvent }[];
  ingestFact: (event: FactEvent) => void;
  /** Back to nothing (sign-out). */
  reset: () => void;
}

export type LiveStore = ConnectionSlice &
  QueueSlice &
  AgentsSlice &
  CallsSlice &
  DeskSlice &
  BoardSlice &
  TrainingSlice &
  FactsSlice;

type Slice<T> = StateCreator<LiveStore, [], [], T>;

/** Picks the data part of the store, so the pure reducers see exactly LiveData. */
function dataOf(state: LiveStore): LiveData {
  return {
    connection: state.connection,
    serverOffsetMs: state.serverOffsetMs,
    queueState: state.queueState,
    agents: state.agents,
    desk: state.desk,
    board: state.board,
    training: state.training,
    calls: state.calls,
    queueMetrics: state.queueMetrics,
  };
}

/** Applies a snapshot, then every fact that arrived after `since` again on top of it. */
function hydrateWithReplay(
  state: LiveStore,
  since: number,
  hydrate: (data: LiveData) => LiveData,
): LiveData {
  let data = hydrate(dataOf(state));
  for (const entry of state.factLog) {
    if (entry.seq > since) data = reduceFact(data, entry.event, entry.seq);
  }
  return data;
}

/** Offsets beyond this are a replayed or bogus timestamp, not clock skew. */
const MAX_PLAUSIBLE_OFFSET_MS = 10 * 60_000;

const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'idle',
  serverOffsetMs: 0,
  offsetSamples: [],
  setConnection: (connection) => set({ connection }),
  noteServerTime: (serverAt, receivedAt) =>
    set((state) => {
      const sample = serverAt - receivedAt;
      if (Math.abs(sample) > MAX_PLAUSIBLE_OFFSET_MS) return {};
      const offsetSamples = [...state.offsetSamples, sample].slice(-10);
      // Transit delay only ever makes the server look behind, so the largest sample is the
      // closest to the true offset.
      return { offsetSamples, serverOffsetMs: Math.max(...offsetSamples) };
    }),
});

const createQueueSlice: Slice<QueueSlice> = (set) => ({
  queueState: null,
  hydrateQueue: (queueState, since) =>
    set((state) => hydrateWithReplay(state, since, (data) => hydrateQueueData(data, queueState))),
  queueMetrics: null,
  hydrateQueueMetrics: (queueMetrics, since) =>
    set((state) =>
      hydrateWithReplay(state, since, (data) => hydrateQueueMetricsData(data, queueMetrics)),
    ),
});

const createAgentsSlice: Slice<AgentsSlice> = () => ({
  agents: {},
});

const createCallsSlice: Slice<CallsSlice> = () => ({
  calls: {},
});

const createDeskSlice: Slice<DeskSlice> = (set) => ({
  desk: initialLiveData().desk,
  hydrateDesk: (snapshot, since) =>
    set((state) => hydrateWithReplay(state, since, (data) => hydrateDeskData(data, snapshot))),
  deskAccepted: (detail) => set((state) => applyAccepted(dataOf(state), detail)),
  deskOutcomeLogged: (record) => set((state) => applyOutcome(dataOf(state), record)),
  deskAgentChanged: (view) =>
    set((state) =>
      reduceFact(dataOf(state), { name: 'agent:status-changed', fact: view }, state.factSeq),
    ),
  deskOfferRemoved: (offerId) => set((state) => removeOffer(dataOf(state), offerId)),
  dismissNotice: (noticeId) =>
    set((state) => ({
      desk: { ...state.desk, notices: state.desk.notices.filter((n) => n.id !== noticeId) },
    })),
  dismissLastLogged: () => set((state) => ({ desk: { ...state.desk, lastLogged: null } })),
  selectConversation: (contactId) => set((state) => selectConversation(dataOf(state), contactId)),
  deskScriptMoved: (scriptState) => set((state) => applyScriptState(dataOf(state), scriptState)),
});

const createBoardSlice: Slice<BoardSlice> = (set) => ({
  board: initialLiveData().board,
  hydrateBoard: (board, since) =>
    set((state) => hydrateWithReplay(state, since, (data) => hydrateBoardData(data, board))),
  boardContactChanged: (contact) =>
    set((state) =>
      reduceFact(dataOf(state), { name: 'conversation:updated', fact: contact }, state.factSeq),
    ),
});

const createTrainingSlice: Slice<TrainingSlice> = (set) => ({
  training: initialLiveData().training,
  hydrateTrainees: (trainees, since) =>
    set((state) => hydrateWithReplay(state, since, (data) => hydrateTraineesData(data, trainees))),
  hydrateMonitor: (snapshot, since) =>
    set((state) => hydrateWithReplay(state, since, (data) => hydrateMonitorData(data, snapshot))),
  clearMonitor: () =>
    set((state) => ({
      training: { ...state.training, monitor: initialLiveData().training.monitor },
    })),
});

const gapListeners = new Set<(targets: ResyncTarget[]) => void>();

/** Hears of every gap seen in a +1 stream (see `detectGap`), to read the snapshot again. */
export function subscribeToGaps(listener: (targets: ResyncTarget[]) => void): () => void {
  gapListeners.add(listener);
  return () => gapListeners.delete(listener);
}

const createFactsSlice: Slice<FactsSlice> = (set, get) => ({
  factSeq: 0,
  factLog: [],
  ingestFact: (event) => {
    const gaps = detectGap(dataOf(get()), event);
    set((state) => {
      const seq = state.factSeq + 1;
      const factLog = [...state.factLog, { seq, event }].slice(-FACT_LOG_LIMIT);
      return { ...reduceFact(dataOf(state), event, seq), factSeq: seq, factLog };
    });
    if (gaps.length > 0) for (const listener of gapListeners) listener(gaps);
  },
  reset: () => set({ ...initialLiveData(), factLog: [], offsetSamples: [] }),
});

export const useLiveStore = create<LiveStore>()((...args) => ({
  ...createConnectionSlice(...args),
  ...createQueueSlice(...args),
  ...createAgentsSlice(...args),
  ...createCallsSlice(...args),
  ...createDeskSlice(...args),
  ...createBoardSlice(...args),
  ...createTrainingSlice(...args),
  ...createFactsSlice(...args),
}));

/** The conversation in front on the agent's desk, if they hold any. */
export function selectedConversation(state: Pick<LiveStore, 'desk'>): ConversationDetail | null {
  const { conversations, selectedContactId } = state.desk;
  return conversations.find((c) => c.contact.id === selectedContactId) ?? null;
}

/** The fact cursor to pass to `hydrate*` for a request about to go out. */
export function currentFactSeq(): number {
  return useLiveStore.getState().factSeq;
}
