import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { maskPersonalData, tagQuestion } from '../../../shared/domain/policy-report';
import type { PolicyFeedbackInput } from '../../../shared/schemas/policy';
import type { Database } from '../../store/schema';
import { invalidPayload } from '../validation';

/**
 * Writes the wrap-up's understanding feedback inside the outcome's transaction: one row per
 * policy, each policy published (or retired since the call began), the question's numbers and
 * addresses masked before it is stored, its tag suggested from its words when the agent gave none.
 * Returns the policies it wrote for.
 */
export async function recordPolicyFeedback(
  trx: Kysely<Database>,
  input: {
    outcomeId: string;
    contact: { id: string; segment: string; channel: string };
    agentId: string;
    feedback: readonly PolicyFeedbackInput[];
    now: number;
  },
): Promise<string[]> {
  if (input.feedback.length === 0) return [];
  const ids = input.feedback.map((f) => f.policyId);
  const policies = await trx
    .selectFrom('policies')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute();
  const status = new Map(policies.map((p) => [p.id, p.status]));
  const fields = input.feedback.flatMap((f, index) => {
    const found = status.get(f.policyId);
    if (found === undefined) {
      return [{ path: `policyFeedback.${index}.policyId`, message: 'unknown policy' }];
    }
    return found === 'draft'
      ? [{ path: `policyFeedback.${index}.policyId`, message: 'the policy is not published' }]
      : [];
  });
  if (fields.length > 0) throw invalidPayload(fields);
  await trx
    .insertInto('policy_feedback')
    .values(
      input.feedback.map((f) => {
        const question = f.question === undefined || f.question === '' ? null : f.question;
        return {
          id: randomUUID(),
          outcome_id: input.outcomeId,
          contact_id: input.contact.id,
          policy_id: f.policyId,
          agent_id: input.agentId,
          understanding: f.understanding,
          question: question === null ? null : maskPersonalData(question),
          tag: question === null ? null : (f.tag ?? tagQuestion(question)),
          segment: input.contact.segment,
          channel: input.contact.channel,
          at: input.now,
        };
      }),
    )
    .execute();
  return ids;
}
