/**
 * The audit log's hash chain: each row's hash is SHA-256 over the previous row's hash and the
 * row's own content in a canonical form, so editing a row breaks its hash, and deleting or
 * reordering rows breaks the links and the sequence. Pure apart from hashing.
 */
import { createHash } from 'node:crypto';

export interface AuditContent {
  seq: number;
  at: number;
  actorId: string | null;
  caseId: string | null;
  action: string;
  /** JSON text as stored. */
  data: string;
}

export interface AuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export function auditHash(prevHash: string, row: AuditContent): string {
  // An array, not an object: the order of the fields is fixed by position, not by key order.
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actorId,
    row.caseId,
    row.action,
    row.data,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  seq: number | null;
  problem: string;
}

/**
 * Checks rows in `seq` order against the chain from `genesis`, and the last row against the
 * head the appender keeps. Returns every problem found (empty: intact).
 */
export function verifyChain(
  rows: readonly AuditRow[],
  genesis: string,
  head: { seq: number; hash: string } | undefined,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = genesis;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      problems.push({
        seq: row.seq,
        problem: `expected row ${expectedSeq} next, found ${row.seq}: rows are missing`,
      });
    }
    if (row.prevHash !== prevHash) {
      problems.push({ seq: row.seq, problem: 'does not link to the row before it' });
    }
    if (auditHash(row.prevHash, row) !== row.hash) {
      problems.push({
        seq: row.seq,
        problem: 'hash does not match its content: the row was edited',
      });
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  if (head) {
    const lastSeq = rows.at(-1)?.seq ?? 0;
    if (head.seq !== lastSeq || head.hash !== prevHash) {
      problems.push({
        seq: null,
        problem: `the log ends at row ${lastSeq} but ${head.seq} rows were appended: rows at the end are missing or changed`,
      });
    }
  }
  return problems;
}
