import { z } from 'zod';
import { LocalDateSchema } from './calendar';
import { ChannelSchema, EpochMsSchema, IdSchema } from './common';
import {
  ClockNameSchema,
  DeadlineWarningSchema,
  RequestTypeSchema,
  ServiceClassSchema,
} from './deadlines';

/**
 * Cases: a contact that needs more than an answer (indonesia.md §2). Each request type has its
 * own lifecycle (shared/domain/case-lifecycle.ts); the statuses of all types share one enum so a
 * case row and its facts have one shape.
 */
export const CaseStatusSchema = z.enum([
  // information_request (UU 14/2008)
  'received',
  'incomplete',
  'registered',
  'in_review',
  'forwarded',
  'notice_sent',
  'delivered',
  // objection (UU 14/2008 Ps 35-36)
  'filed',
  'with_superior',
  'decided',
  'escalated_ki',
  // complaint (UU 25/2009, Perpres 76/2013)
  'acknowledged',
  'awaiting_complainant',
  'complete',
  'disposed',
  'in_progress',
  'resolved',
  'reopened',
  'deemed_withdrawn',
  // inquiry, aspiration
  'answered',
  'converted',
  'followed_up',
  // personal_data_request (UU 27/2022)
  'identity_verified',
  'done',
  'refused',
  // shared endings
  'closed',
  'withdrawn',
]);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Anonim: identity hidden from the public; rahasia: the case itself is not public (L7). */
export const ConfidentialitySchema = z.enum(['normal', 'anonim', 'rahasia']);

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Who asked (K1, K7): name or organisation, how to reach them; NIK is stored masked only. */
export const RequesterSchema = z.object({
  name: text(200),
  contact: optionalText(200),
  address: optionalText(500),
  occupation: optionalText(120),
  /** Last four digits of the NIK or the legal entity's SK number; never the whole number. */
  identityLast4: z
    .string()
    .regex(/^\d{4}$/, 'the last four digits only')
    .optional(),
  proxyName: optionalText(200),
});
export type Requester = z.infer<typeof RequesterSchema>;

/** Register fields per type at receipt (K1, K7, K11, complaint and PDP rows of §2). */
export const InformationRequestDetailsSchema = z.object({
  informationRequested: text(2000),
  purpose: text(1000),
  /** View (melihat) or obtain a copy (salinan). */
  obtainMode: z.enum(['view', 'copy']),
  deliveryMode: z.enum(['pickup', 'email', 'post', 'courier']),
  form: z.enum(['soft_copy', 'hard_copy']).optional(),
});

/** Ps 35(1) grounds a-g. */
export const ObjectionReasonSchema = z.enum([
  'a_refused_ps17',
  'b_periodic_not_published',
  'c_no_response',
  'd_not_as_asked',
  'e_not_fulfilled',
  'f_unreasonable_fee',
  'g_late',
]);

export const ObjectionDetailsSchema = z.object({
  /** The reference of the information request objected to. */
  requestReference: text(64),
  informationRequested: text(2000),
  purpose: optionalText(1000),
  reason: ObjectionReasonSchema,
  /** When the objector learnt of the grounds: the filing window runs 30 working days from it (K9). */
  groundsFoundOn: LocalDateSchema.optional(),
});

export const ComplaintDetailsSchema = z.object({
  description: text(4000),
  location: optionalText(300),
  serviceConcerned: optionalText(300),
  remedySought: optionalText(1000),
  /** Maladministration kind (C1), e.g. `penundaan_berlarut`. */
  maladministration: optionalText(64),
});

export const PersonalDataRequestDetailsSchema = z.object({
  /** UU 27/2022 Ps 30-43: the data subject's right invoked. */
  right: z.enum(['access', 'correction', 'withdrawal', 'restriction', 'erasure']),
  description: text(2000),
});

export const InquiryDetailsSchema = z.object({ question: text(2000) });
export const AspirationDetailsSchema = z.object({ description: text(4000) });

const common = {
  subject: text(300),
  requester: RequesterSchema,
  confidentiality: ConfidentialitySchema.default('normal'),
  /** The unit whose calendar the clocks count on; the contact center's own unit when absent. */
  unitId: IdSchema.optional(),
};
const classed = {
  /** Inquiry and aspiration only: immediate, one working day, one week, or custom. */
  serviceClass: ServiceClassSchema.optional(),
  customWorkingDays: z.number().int().min(0).max(250).optional(),
};

function caseVariants<E extends z.ZodRawShape>(extra: E) {
  return z
    .discriminatedUnion('type', [
      z.object({
        type: z.literal('information_request'),
        details: InformationRequestDetailsSchema,
        ...common,
        ...extra,
      }),
      z.object({
        type: z.literal('objection'),
        details: ObjectionDetailsSchema,
        ...common,
        ...extra,
      }),
      z.object({
        type: z.literal('complaint'),
        details: ComplaintDetailsSchema,
        ...common,
        ...extra,
      }),
      z.object({
        type: z.literal('personal_data_request'),
        details: PersonalDataRequestDetailsSchema,
        ...common,
        ...extra,
      }),
      z.object({
        type: z.literal('inquiry'),
        details: InquiryDetailsSchema,
        ...common,
        ...classed,
        ...extra,
      }),
      z.object({
        type: z.literal('aspiration'),
        details: AspirationDetailsSchema,
        ...common,
        ...classed,
        ...extra,
      }),
    ])
    .superRefine((body, ctx) => {
      const classedBody = body as { serviceClass?: string; customWorkingDays?: number };
      if (classedBody.serviceClass === 'custom' && classedBody.customWorkingDays === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['customWorkingDays'],
          message: 'required with serviceClass custom',
        });
      }
      if (classedBody.serviceClass !== 'custom' && classedBody.customWorkingDays !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['customWorkingDays'],
          message: 'only with serviceClass custom',
        });
      }
    });
}

/** A case opened from the wrap-up form: the contact is the one being wrapped up. */
export const CaseDraftSchema = caseVariants({});
export type CaseDraft = z.output<typeof CaseDraftSchema>;

/**
 * Opening a case. `details` carries the register fields of the type. A resend with the same
 * `commandId` returns the first case instead of opening a second one.
 */
export const CreateCaseBodySchema = caseVariants({
  commandId: z.uuid(),
  /** The contact the case comes from; it is linked at once. */
  contactId: IdSchema.optional(),
});
export type CreateCaseBody = z.input<typeof CreateCaseBodySchema>;
export type CreateCaseInput = z.output<typeof CreateCaseBodySchema>;

/** Notice decisions on an information request (K4). */
export const NoticeDecisionSchema = z.enum(['granted', 'partly_granted', 'refused', 'not_held']);
export type NoticeDecision = z.infer<typeof NoticeDecisionSchema>;

/**
 * Fields a transition may carry; which are required depends on the target (the lifecycle says,
 * and answers with the missing field's name).
 */
export const TransitionFieldsSchema = z.object({
  decision: z
    .enum([
      ...NoticeDecisionSchema.options,
      // objection: the superior grants the objection, or upholds the refusal (reasons required, K10)
      'objection_granted',
      'refusal_upheld',
    ])
    .optional(),
  /** Ps 17 ground for a refusal, Ps 33 reason for a PDP refusal, reasons for an upheld refusal. */
  reason: optionalText(2000),
  /** Not held: the body that holds the information (K4 b). */
  holderBody: optionalText(300),
  /** Name and position of the Atasan PPID who decided (K11). */
  decidedBy: optionalText(300),
  /** What was done or answered (complaint resolution, inquiry answer, aspiration follow-up). */
  resolution: optionalText(4000),
  fee: z.number().int().min(0).max(1_000_000_000).optional(),
});
export type TransitionFields = z.infer<typeof TransitionFieldsSchema>;

export const TransitionCaseBodySchema = z.object({
  commandId: z.uuid(),
  caseId: IdSchema,
  to: CaseStatusSchema,
  /** Why, in a sentence; kept in the audit log. */
  note: optionalText(1000),
  fields: TransitionFieldsSchema.default({}),
});
export type TransitionCaseBody = z.input<typeof TransitionCaseBodySchema>;

export const ExtendClockBodySchema = z.object({
  commandId: z.uuid(),
  caseId: IdSchema,
  clock: ClockNameSchema,
  workingDays: z.number().int().min(1).max(100),
  reason: z.string().trim().min(1, 'a written reason is required').max(2000),
});
export type ExtendClockBody = z.input<typeof ExtendClockBodySchema>;

export const PauseClockBodySchema = z.object({
  commandId: z.uuid(),
  caseId: IdSchema,
  clock: ClockNameSchema,
  /** What is awaited from the citizen: only waiting on the citizen pauses a clock. */
  reason: z.string().trim().min(1, 'say what is awaited from the citizen').max(1000),
});
export type PauseClockBody = z.input<typeof PauseClockBodySchema>;

export const ResumeClockBodySchema = z.object({
  commandId: z.uuid(),
  caseId: IdSchema,
  clock: ClockNameSchema,
  note: optionalText(1000),
});
export type ResumeClockBody = z.input<typeof ResumeClockBodySchema>;

export const HandOffBodySchema = z.object({
  commandId: z.uuid(),
  caseId: IdSchema,
  unitId: IdSchema,
  /** The due date agreed with the unit; at most the legal due. The internal target when absent. */
  agreedDueAt: EpochMsSchema.optional(),
  note: z.string().trim().min(1, 'tell the unit what is needed').max(2000),
});
export type HandOffBody = z.input<typeof HandOffBodySchema>;

export const ReturnHandOffBodySchema = z.object({
  commandId: z.uuid(),
  handOffId: IdSchema,
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
});
export const AcknowledgeHandOffBodySchema = z.object({ commandId: z.uuid(), handOffId: IdSchema });

export const LinkContactBodySchema = z.object({ caseId: IdSchema, contactId: IdSchema });

/**
 * - `pending`: counts from a later event (complaint resolution: the complete file);
 * - `running`, `paused` (waiting on the citizen), `met` (done in time or late), `stopped` (the
 *   case ended before the obligation arose, e.g. withdrawn).
 */
export const ClockStatusSchema = z.enum(['pending', 'running', 'paused', 'met', 'stopped']);
export type ClockStatus = z.infer<typeof ClockStatusSchema>;

export const CaseClockSchema = z.object({
  id: IdSchema,
  clock: ClockNameSchema,
  status: ClockStatusSchema,
  startsAt: EpochMsSchema.nullable(),
  /** Null for a clock without a statute (inquiry, aspiration) or not started yet. */
  legalDueAt: EpochMsSchema.nullable(),
  internalDueAt: EpochMsSchema.nullable(),
  /** The legal due as first computed, before extensions and pauses. */
  originalLegalDueAt: EpochMsSchema.nullable(),
  extensionsUsed: z.number().int(),
  extensionReason: z.string().nullable(),
  /** Whether the rule allows an extension at all (information request notice). */
  isExtendable: z.boolean(),
  pausedAt: EpochMsSchema.nullable(),
  pauseReason: z.string().nullable(),
  pausedTotalMs: z.number().int().nonnegative(),
  metAt: EpochMsSchema.nullable(),
  breachedAt: EpochMsSchema.nullable(),
  /** Highest warning level fired against the current due: 0, 50, 80 or 100. */
  warnedLevel: z.number().int(),
  source: z.string(),
});
export type CaseClock = z.infer<typeof CaseClockSchema>;

export const HandOffStatusSchema = z.enum(['pending', 'acknowledged', 'returned', 'bounced']);
export type HandOffStatus = z.infer<typeof HandOffStatusSchema>;

export const HandOffSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  unitId: IdSchema,
  unitName: z.string(),
  status: HandOffStatusSchema,
  note: z.string(),
  agreedDueAt: EpochMsSchema,
  /** Silence past this bounces the case back to the contact center. */
  acknowledgeBy: EpochMsSchema,
  sentById: IdSchema,
  sentAt: EpochMsSchema,
  respondedById: IdSchema.nullable(),
  respondedAt: EpochMsSchema.nullable(),
  /** Why it was returned, or the bounce. */
  reason: z.string().nullable(),
});
export type HandOff = z.infer<typeof HandOffSchema>;

export const CaseSummarySchema = z.object({
  id: IdSchema,
  reference: z.string(),
  type: RequestTypeSchema,
  status: CaseStatusSchema,
  subject: z.string(),
  requesterName: z.string(),
  channel: ChannelSchema.nullable(),
  receivedAt: EpochMsSchema,
  /** The calendar's unit (the contact center unless chosen otherwise). */
  unitId: IdSchema,
  timeZone: z.string(),
  ownerId: IdSchema,
  ownerName: z.string(),
  /** The unit the case is with now (pending or acknowledged hand-off), if any. */
  withUnitId: IdSchema.nullable(),
  withUnitName: z.string().nullable(),
  isBreached: z.boolean(),
  isClosed: z.boolean(),
  /** The next due of any running clock (legal when it has one), for sorting by time to breach. */
  nextDueAt: EpochMsSchema.nullable(),
  nextInternalDueAt: EpochMsSchema.nullable(),
  serviceClass: ServiceClassSchema.nullable(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = z.object({
  case: CaseSummarySchema,
  requester: RequesterSchema,
  confidentiality: ConfidentialitySchema,
  /** Register fields given at receipt. */
  details: z.record(z.string(), z.unknown()),
  /** Register fields set along the way (decision, reasons, dates). */
  outcome: TransitionFieldsSchema,
  clocks: z.array(CaseClockSchema),
  handOffs: z.array(HandOffSchema),
  contactIds: z.array(IdSchema),
  /** Statuses the lifecycle allows next (guards on fields are checked when sent). */
  nextStatuses: z.array(CaseStatusSchema),
  /**
   * About the dates, e.g. `holiday_data_missing` when a running clock's due falls in a year with
   * no holiday list loaded: counted with weekends only until an administrator loads it.
   */
  warnings: z.array(DeadlineWarningSchema),
  /**
   * Objections only, when the grounds' date is known: the last day to file (30 working days after
   * the grounds were found, K9) and whether this objection came after it. A late objection is still
   * registered; the superior decides on it.
   */
  filingWindow: z.object({ lastDay: LocalDateSchema, isLate: z.boolean() }).nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseListSchema = z.object({ cases: z.array(CaseSummarySchema) });

export const CaseBoardQuerySchema = z.object({
  /** `mine`: owned by me; `unit`: with my unit; `all`: every open case (leads, admins). */
  scope: z.enum(['mine', 'unit', 'all']).default('mine'),
});

export const WarningLevelSchema = z.union([z.literal(50), z.literal(80), z.literal(100)]);
export type WarningLevel = z.infer<typeof WarningLevelSchema>;

/** A clock crossed 50, 80 or 100 % of its due; 100 % of a legal due is a breach. */
export const CaseWarningSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  reference: z.string(),
  clock: ClockNameSchema,
  level: WarningLevelSchema,
  /** `legal` or `internal` (a clock with no statute warns against its internal target). */
  basis: z.enum(['legal', 'internal']),
  dueAt: EpochMsSchema,
  firedAt: EpochMsSchema,
  isBreach: z.boolean(),
});
export type CaseWarning = z.infer<typeof CaseWarningSchema>;

export const CaseEscalationSchema = z.object({
  caseId: IdSchema,
  reference: z.string(),
  /** 0 for the first link of the chain. */
  step: z.number().int().nonnegative(),
  /** The chain link: `owner`, `lead`, `unit` or `admin`. */
  target: z.string(),
  firedAt: EpochMsSchema,
});
export type CaseEscalation = z.infer<typeof CaseEscalationSchema>;

export const AuditVerificationSchema = z.object({
  isIntact: z.boolean(),
  rows: z.number().int(),
  /** The first problem found, e.g. `row 12: hash does not match its content`. */
  problems: z.array(z.object({ seq: z.number().int().nullable(), problem: z.string() })),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const RegisterQuerySchema = z.object({
  type: RequestTypeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const AnnualReportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['json', 'csv']).default('json'),
});

/** KIP Ps 12 (K14): requests, time taken, granted, refused, reasons for refusal. */
export const AnnualReportSchema = z.object({
  year: z.number().int(),
  requests: z.number().int(),
  open: z.number().int(),
  granted: z.number().int(),
  partlyGranted: z.number().int(),
  refused: z.number().int(),
  notHeld: z.number().int(),
  withdrawn: z.number().int(),
  /** Working days from receipt to notice, over requests with a notice. */
  averageWorkingDaysToNotice: z.number().nullable(),
  maxWorkingDaysToNotice: z.number().int().nullable(),
  extended: z.number().int(),
  breached: z.number().int(),
  objections: z.number().int(),
  refusalReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;
