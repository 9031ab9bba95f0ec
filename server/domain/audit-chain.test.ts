import { describe, expect, it } from 'vitest';
import { auditHash, verifyChain, type AuditRow } from './audit-chain';

const GENESIS = '0'.repeat(64);

function chain(count: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= count; seq += 1) {
    const content = {
      seq,
      at: 1_700_000_000_000 + seq,
      actorId: 'u1',
      caseId: 'c1',
      action: 'case.transitioned',
      data: JSON.stringify({ to: `s${seq}` }),
    };
    const hash = auditHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

const headOf = (rows: AuditRow[]) => ({ seq: rows.length, hash: rows.at(-1)?.hash ?? GENESIS });

describe('the audit chain', () => {
  it('an untouched chain verifies, an empty one too', () => {
    const rows = chain(5);
    expect(verifyChain(rows, GENESIS, headOf(rows))).toEqual([]);
    expect(verifyChain([], GENESIS, { seq: 0, hash: GENESIS })).toEqual([]);
  });

  it('an edited row is caught by its own hash', () => {
    const rows = chain(5);
    const tampered = rows.map((row) =>
      row.seq === 3 ? { ...row, data: JSON.stringify({ to: 'other' }) } : row,
    );
    expect(verifyChain(tampered, GENESIS, headOf(rows))).toEqual([
      { seq: 3, problem: expect.stringMatching(/edited/) },
    ]);
  });

  it('a deleted row is caught by the sequence and the link', () => {
    const rows = chain(5);
    const problems = verifyChain(
      rows.filter((row) => row.seq !== 2),
      GENESIS,
      headOf(rows),
    );
    expect(problems.map((p) => p.seq)).toEqual([3, 3]);
  });

  it('deleting the last rows is caught by the head', () => {
    const rows = chain(5);
    expect(verifyChain(rows.slice(0, 4), GENESIS, headOf(rows))).toEqual([
      { seq: null, problem: expect.stringMatching(/at the end/) },
    ]);
  });

  it('a rehashed edit still breaks the next link', () => {
    const rows = chain(4);
    const edited = { ...rows[1]!, data: '{"to":"x"}' };
    edited.hash = auditHash(edited.prevHash, edited);
    const problems = verifyChain([rows[0]!, edited, rows[2]!, rows[3]!], GENESIS, headOf(rows));
    expect(problems).toContainEqual({ seq: 3, problem: expect.stringMatching(/link/) });
  });
});
