import { describe, expect, it } from 'vitest';
import { RoleSchema } from '../schemas/common';
import {
  SCRIPT_ACTIONS,
  SCRIPT_STATUSES,
  decideScriptAction,
  draftSourceVersion,
  isScriptVersionVisible,
  mayStartScriptDraft,
} from './script-versions';
import { nextVersionNumber, versionsRetiredByPublishing } from './versions';

describe('script workflow', () => {
  it('moves a draft to published to retired, and nothing else', () => {
    const allowed = SCRIPT_STATUSES.flatMap((status) =>
      SCRIPT_ACTIONS.flatMap((action) => {
        const decision = decideScriptAction(status, action, 'trainer');
        return decision.ok ? [`${status} ${action} → ${decision.to}`] : [];
      }),
    );
    expect(allowed).toEqual([
      'draft edit → draft',
      'draft publish → published',
      'published retire → retired',
    ]);
    expect(decideScriptAction('published', 'edit', 'admin')).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
  });

  it('lets trainers and administrators act; leads, agents and unit staff only read', () => {
    const editors = RoleSchema.options.filter(
      (role) => decideScriptAction('draft', 'publish', role).ok,
    );
    expect(editors).toEqual(['trainer', 'admin']);
    expect(decideScriptAction('draft', 'edit', 'lead')).toEqual({ ok: false, reason: 'forbidden' });
    expect(isScriptVersionVisible('lead', 'draft')).toBe(false);
    expect(isScriptVersionVisible('agent', 'retired')).toBe(true);
    expect(isScriptVersionVisible('trainer', 'draft')).toBe(true);
  });
});

describe('script versions', () => {
  it('allows one draft at a time, copied from the published version, else the latest', () => {
    expect(mayStartScriptDraft([{ version: 1, status: 'published' }])).toBe(true);
    expect(
      mayStartScriptDraft([
        { version: 1, status: 'published' },
        { version: 2, status: 'draft' },
      ]),
    ).toBe(false);
    expect(
      draftSourceVersion([
        { version: 3, status: 'retired' },
        { version: 2, status: 'published' },
      ]),
    ).toBe(2);
    expect(
      draftSourceVersion([
        { version: 1, status: 'retired' },
        { version: 4, status: 'retired' },
      ]),
    ).toBe(4);
    expect(draftSourceVersion([])).toBeUndefined();
  });

  it('numbers the next version once and retires the published one on publishing', () => {
    const versions = [
      { version: 1, status: 'retired' },
      { version: 2, status: 'published' },
      { version: 3, status: 'draft' },
    ];
    expect(nextVersionNumber(versions)).toBe(4);
    expect(versionsRetiredByPublishing(versions, 3)).toEqual([2]);
    expect(versionsRetiredByPublishing(versions, 2)).toEqual([]);
  });
});
