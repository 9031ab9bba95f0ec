import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `npm run bench -- --quick` as a separate process; no timing is ever asserted here. */
function runQuickBench(extraArgs: string[] = []): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/run.ts', '--quick', ...extraArgs],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

function count(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  if (!match) throw new Error(`not found in the bench output: ${pattern}\n${output}`);
  return Number(match[1]);
}

describe('npm run bench -- --quick', () => {
  let running: ChildProcess | undefined;
  afterAll(() => {
    if (running && running.exitCode === null) running.kill('SIGTERM');
  });

  it('runs the whole bench on a tiny load and loses no contact', async () => {
    const { child, done } = runQuickBench();
    running = child;
    const { code, stdout, stderr } = await done;
    expect(code, `bench exited with ${code}\n${stdout}\n${stderr}`).toBe(0);
    // The table, with every figure the suite promises.
    expect(stdout).toMatch(/^\| figure +\| +p50 \| +p99 \| +max \| +baseline/m);
    for (const figure of [
      'routing planOffers 1,000×100',
      'offer latency: inbound sent → offer',
      'outcome:log ack',
      'queue state: server change → all its recipients hold it',
      'bare Socket.IO broadcast → last receipt',
      'server RSS per connected agent',
    ]) {
      expect(stdout).toContain(figure);
    }
    // The client's weight per screen, from the build `npm test` makes first.
    expect(stdout).toMatch(/^\| sign-in page \(entry\) \| [\d.]+ KB \|/m);
    expect(stdout).toMatch(/^\| desk-screen \| [\d.]+ KB \|/m);
    const sent = count(stdout, /contacts sent (\d+)/);
    const accepted = count(stdout, /accepted \(201\) (\d+)/);
    expect(sent).toBeGreaterThan(0);
    expect(accepted).toBe(sent);
    expect(count(stdout, /offers received (\d+)/)).toBeGreaterThan(0);
    expect(count(stdout, /outcomes acked (\d+)/)).toBeGreaterThan(0);
    expect(count(stdout, /duplicate offers (\d+)/)).toBe(0);
    expect(count(stdout, /lost contacts (\d+)/)).toBe(0);
    expect(count(stdout, /inbound errors (\d+)/)).toBe(0);
    expectQueueViewsRight(stdout);
  }, 120_000);

  it('runs on two nodes sharing PostgreSQL and Redis, each with its share of the agents', async () => {
    const { child, done } = runQuickBench(['--nodes', '2']);
    running = child;
    const { code, stdout, stderr } = await done;
    expect(code, `bench exited with ${code}\n${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('PostgreSQL, 2 nodes + Redis');
    expect(count(stdout, /node 1: (\d+) sockets/)).toBeGreaterThan(0);
    expect(count(stdout, /node 2: (\d+) sockets/)).toBeGreaterThan(0);
    const sent = count(stdout, /contacts sent (\d+)/);
    expect(sent).toBeGreaterThan(0);
    expect(count(stdout, /accepted \(201\) (\d+)/)).toBe(sent);
    expect(count(stdout, /outcomes acked (\d+)/)).toBeGreaterThan(0);
    expect(count(stdout, /duplicate offers (\d+)/)).toBe(0);
    expect(count(stdout, /lost contacts (\d+)/)).toBe(0);
    expectQueueViewsRight(stdout);
  }, 120_000);
});

/** Every socket could build on every queue-state change it got, and ended with the truth. */
function expectQueueViewsRight(stdout: string): void {
  expect(count(stdout, /queue states in window (\d+)/)).toBeGreaterThan(0);
  expect(count(stdout, /gaps (\d+)/)).toBe(0);
  expect(count(stdout, /views wrong at end (\d+)/)).toBe(0);
  expect(count(stdout, /unexpected scopes (\d+)/)).toBe(0);
}
