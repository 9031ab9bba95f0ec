import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * Parts of the lead console that are below the fold or open only on an action: their code (the
 * hours and routing editors, the dialogs) loads after the console is up, so the console shows
 * sooner (docs/performance.md, first load).
 */
const LazyQueueHoursTable = lazy(() =>
  import('./queue-hours-table').then((m) => ({ default: m.QueueHoursTable })),
);
const LazyQueueRoutingTable = lazy(() =>
  import('./queue-routing-table').then((m) => ({ default: m.QueueRoutingTable })),
);
const LazyReassignModal = lazy(() =>
  import('./reassign-modal').then((m) => ({ default: m.ReassignModal })),
);
const LazyTransferQueueModal = lazy(() =>
  import('./transfer-queue-modal').then((m) => ({ default: m.TransferQueueModal })),
);
const LazyForceStatusModal = lazy(() =>
  import('./force-status-modal').then((m) => ({ default: m.ForceStatusModal })),
);
const LazyThresholdsModal = lazy(() =>
  import('./thresholds-modal').then((m) => ({ default: m.ThresholdsModal })),
);
const LazyFollowDrawer = lazy(() =>
  import('./follow-drawer').then((m) => ({ default: m.FollowDrawer })),
);

export function QueueHoursTable(props: ComponentProps<typeof LazyQueueHoursTable>) {
  return (
    <Suspense fallback={null}>
      <LazyQueueHoursTable {...props} />
    </Suspense>
  );
}

export function QueueRoutingTable(props: ComponentProps<typeof LazyQueueRoutingTable>) {
  return (
    <Suspense fallback={null}>
      <LazyQueueRoutingTable {...props} />
    </Suspense>
  );
}

export function ReassignModal(props: ComponentProps<typeof LazyReassignModal>) {
  return (
    <Suspense fallback={null}>
      <LazyReassignModal {...props} />
    </Suspense>
  );
}

export function ForceStatusModal(props: ComponentProps<typeof LazyForceStatusModal>) {
  return (
    <Suspense fallback={null}>
      <LazyForceStatusModal {...props} />
    </Suspense>
  );
}

export function ThresholdsModal(props: ComponentProps<typeof LazyThresholdsModal>) {
  return (
    <Suspense fallback={null}>
      <LazyThresholdsModal {...props} />
    </Suspense>
  );
}

export function TransferQueueModal(props: ComponentProps<typeof LazyTransferQueueModal>) {
  return (
    <Suspense fallback={null}>
      <LazyTransferQueueModal {...props} />
    </Suspense>
  );
}

export function FollowDrawer(props: ComponentProps<typeof LazyFollowDrawer>) {
  return (
    <Suspense fallback={null}>
      <LazyFollowDrawer {...props} />
    </Suspense>
  );
}
