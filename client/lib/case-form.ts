/**
 * The case form as typed (every field a string), and its conversion to the `CaseDraft` the
 * server takes; shared by the wrap-up form and the case panel. Pure, so it is tested alone.
 */
import { CaseDraftSchema, type CaseDraft } from '../../shared/schemas/case';
import type { RequestType, ServiceClass } from '../../shared/schemas/deadlines';

export interface CaseFormValue {
  type: RequestType | '';
  subject: string;
  requesterName: string;
  requesterContact: string;
  /** The type's main text: information requested, question, or description. */
  text: string;
  purpose: string;
  obtainMode: 'view' | 'copy';
  deliveryMode: 'pickup' | 'email' | 'post' | 'courier';
  requestReference: string;
  objectionReason: string;
  /** `YYYY-MM-DD` from a date input; empty when unknown. */
  groundsFoundOn: string;
  right: 'access' | 'correction' | 'withdrawal' | 'restriction' | 'erasure';
  serviceClass: ServiceClass | '';
  customWorkingDays: string;
}

export function emptyCaseForm(requesterName = '', requesterContact = ''): CaseFormValue {
  return {
    type: '',
    subject: '',
    requesterName,
    requesterContact,
    text: '',
    purpose: '',
    obtainMode: 'copy',
    deliveryMode: 'email',
    requestReference: '',
    objectionReason: 'c_no_response',
    groundsFoundOn: '',
    right: 'access',
    serviceClass: '',
    customWorkingDays: '',
  };
}

/** Which field holds the main text for a type (and its label key). */
export function mainTextField(
  type: RequestType | '',
): 'informationRequested' | 'question' | 'description' {
  if (type === 'information_request' || type === 'objection') return 'informationRequested';
  if (type === 'inquiry') return 'question';
  return 'description';
}

export type CaseFormErrors = Partial<Record<keyof CaseFormValue, string>>;

/** The draft for the server, or the form fields it refuses (by the shared schema itself). */
export function toCaseDraft(
  value: CaseFormValue,
): { ok: true; draft: CaseDraft } | { ok: false; errors: CaseFormErrors } {
  if (value.type === '') return { ok: false, errors: { type: 'required' } };
  const requester = {
    name: value.requesterName.trim(),
    ...(value.requesterContact.trim() ? { contact: value.requesterContact.trim() } : {}),
  };
  const text = value.text.trim();
  const details: Record<string, unknown> = {};
  switch (value.type) {
    case 'information_request':
      Object.assign(details, {
        informationRequested: text,
        purpose: value.purpose.trim(),
        obtainMode: value.obtainMode,
        deliveryMode: value.deliveryMode,
      });
      break;
    case 'objection':
      Object.assign(details, {
        informationRequested: text,
        requestReference: value.requestReference.trim(),
        reason: value.objectionReason,
        ...(value.purpose.trim() ? { purpose: value.purpose.trim() } : {}),
        ...(value.groundsFoundOn ? { groundsFoundOn: value.groundsFoundOn } : {}),
      });
      break;
    case 'personal_data_request':
      Object.assign(details, { right: value.right, description: text });
      break;
    case 'inquiry':
      details.question = text;
      break;
    default:
      details.description = text;
  }
  const isClassed = value.type === 'inquiry' || value.type === 'aspiration';
  const candidate = {
    type: value.type,
    subject: value.subject.trim(),
    requester,
    details,
    ...(isClassed && value.serviceClass ? { serviceClass: value.serviceClass } : {}),
    ...(isClassed && value.serviceClass === 'custom'
      ? { customWorkingDays: Number(value.customWorkingDays || 'NaN') }
      : {}),
  };
  const parsed = CaseDraftSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: CaseFormErrors = {};
  const fieldOf: Record<string, keyof CaseFormValue> = {
    type: 'type',
    subject: 'subject',
    'requester.name': 'requesterName',
    'requester.contact': 'requesterContact',
    'details.informationRequested': 'text',
    'details.question': 'text',
    'details.description': 'text',
    'details.purpose': 'purpose',
    'details.requestReference': 'requestReference',
    'details.groundsFoundOn': 'groundsFoundOn',
    customWorkingDays: 'customWorkingDays',
  };
  for (const issue of parsed.error.issues) {
    const field = fieldOf[issue.path.join('.')] ?? (issue.path.length === 0 ? 'type' : undefined);
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  if (Object.keys(errors).length === 0) errors.type = parsed.error.issues[0]?.message ?? 'invalid';
  return { ok: false, errors };
}
