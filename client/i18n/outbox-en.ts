import type { outboxId } from './outbox-id';

/** Outbox strings in English; the type holds the keys equal to `outbox-id.ts`. */
export const outboxEn: typeof outboxId = {
  indicator: 'Outbox: {{count}}',
  indicatorLabel: 'Outbox: {{pending}} waiting, {{failed}} refused',
  title: 'Outbox',
  notDurable:
    'This browser does not allow storage on the device: items last only until the page is reloaded.',
  empty: 'Everything reached the server.',
  pendingSection: 'Waiting to be sent',
  failedSection: 'Refused by the server',
  sending: 'Sending…',
  waiting: 'Pending',
  retry: 'Send again',
  discard: 'Discard',
  failedTitle: 'The server refused an item',
  failedBody: '{{what}}: {{reason}}',
  pendingInBanner: '{{count}} item(s) saved on this device will be sent once connected.',
  kind: {
    outcomeLog: 'Contact outcome ({{detail}})',
    messageSend: 'Reply: “{{detail}}”',
    caseCreate: 'New case: {{detail}}',
    caseTransition: 'Case status change',
    caseExtend: 'Case deadline extension',
    casePause: 'Case clock pause',
    caseResume: 'Case clock resume',
    caseHandOff: 'Case hand-off to a unit',
    caseAcknowledgeHandOff: 'Hand-off acknowledgement',
    caseReturnHandOff: 'Hand-off return',
  },
  reply: {
    pending: 'Pending',
    sending: 'Sending…',
    failed: 'Not sent: {{reason}}',
  },
  wrapup: {
    saved: 'Saved on this device; it will be sent once the connection is back.',
  },
  signOut: {
    title: 'Some items have not reached the server',
    body: '{{count}} item(s) have not reached the server yet. They stay saved on this device and are sent only when you sign in again on this device.',
    stay: 'Stay signed in',
    confirm: 'Sign out anyway',
  },
};
