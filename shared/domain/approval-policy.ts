/**
 * Who must have a reply approved before it reaches the citizen (docs/training.md): a trainee
 * whose plan still asks for it, and anyone answering a caller of a segment the administrators
 * listed (mass media, state officials). Pure; the server decides with it, the desk explains it.
 */
import type { SegmentCode } from '../schemas/common';
import { overseesAgent, type TeamDirectory, type TeamMember } from './team-scope';

export interface ApprovalFacts {
  isTrainee: boolean;
  /** The trainee's plan; trainees without a plan yet are held (the safe default). */
  traineeRequiresApproval: boolean | null;
  segment: SegmentCode;
  approvalSegments: readonly SegmentCode[];
}

export type ApprovalNeed = { isNeeded: false } | { isNeeded: true; because: 'trainee' | 'segment' };

export function approvalNeed(facts: ApprovalFacts): ApprovalNeed {
  if (facts.isTrainee && (facts.traineeRequiresApproval ?? true)) {
    return { isNeeded: true, because: 'trainee' };
  }
  if (facts.approvalSegments.includes(facts.segment)) return { isNeeded: true, because: 'segment' };
  return { isNeeded: false };
}

export type ApproverRole = 'agent' | 'lead' | 'trainer' | 'admin' | 'unit';

/**
 * Who may decide on a held reply: administrators and leads always; trainers only for a
 * trainee's reply. Agents never, not even their own.
 */
export function mayDecideApproval(role: ApproverRole, authorIsTrainee: boolean): boolean {
  if (role === 'admin' || role === 'lead') return true;
  return role === 'trainer' && authorIsTrainee;
}

/**
 * Whether a viewer may coach an agent (follow, whisper, plan) or decide on their held replies,
 * team boundary included: administrators any agent, leads the agents they answer for
 * (shared/domain/team-scope.ts), trainers trainees only.
 */
export function mayCoachAgent(
  viewer: TeamMember,
  agent: { isTrainee: boolean; teamId: string | null },
  directory: TeamDirectory,
): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role === 'lead') return overseesAgent(viewer, agent, directory);
  return viewer.role === 'trainer' && agent.isTrainee;
}
