import { describe, expect, it } from 'vitest';
import { aNotice, aReadership } from '../../../testing/knowledge-fixtures';
import {
  applyAcknowledged,
  markAcknowledged,
  mergeMyNotice,
  mergeReadershipNotice,
} from './notice-queries';

const plain = ({ acknowledgedAt: _ignored, ...notice }: ReturnType<typeof aNotice>) => notice;

describe('notice cache updates from facts', () => {
  it('adds a new notice newest first, unacknowledged', () => {
    const older = aNotice({ id: 'old', publishedAt: 1 });
    const merged = mergeMyNotice(
      { notices: [older] },
      plain(aNotice({ id: 'new', publishedAt: 2 })),
    );
    expect(merged.notices.map((n) => [n.id, n.acknowledgedAt])).toEqual([
      ['new', null],
      ['old', null],
    ]);
  });

  it('keeps the higher revision and the agent’s own acknowledgement', () => {
    const mine = { notices: [aNotice({ revision: 2, mustRead: true, acknowledgedAt: 7 })] };
    expect(mergeMyNotice(mine, plain(aNotice({ revision: 1, mustRead: false })))).toBe(mine);
    expect(
      mergeMyNotice(mine, plain(aNotice({ revision: 3, mustRead: false }))).notices[0],
    ).toMatchObject({ revision: 3, mustRead: false, acknowledgedAt: 7 });
  });

  it('records an acknowledgement once', () => {
    const once = markAcknowledged({ notices: [aNotice()] }, 'n-1', 5);
    expect(markAcknowledged(once, 'n-1', 9).notices[0]!.acknowledgedAt).toBe(5);
  });

  it('fills in the leads’ view, and takes a newer must-read mark', () => {
    const view = { notices: [aReadership()] };
    const read = applyAcknowledged(view, {
      noticeId: 'n-1',
      agentId: 'u-agent2',
      agentName: 'Joko Agen',
      acknowledgedAt: 4,
    });
    expect(read.notices[0]!.readers.map((r) => [r.agentId, r.acknowledgedAt])).toEqual([
      ['u-agent2', 4],
      ['u-agent1', null],
    ]);
    const unmarked = mergeReadershipNotice(read, plain(aNotice({ mustRead: false, revision: 2 })));
    expect(unmarked.notices[0]).toMatchObject({ mustRead: false, revision: 2 });
    expect(unmarked.notices[0]!.readers).toEqual(read.notices[0]!.readers);
    expect(
      mergeReadershipNotice(unmarked, plain(aNotice({ mustRead: true, revision: 1 }))),
    ).toEqual(unmarked);
  });
});
