import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight';

describe('commands in flight', () => {
  it('given nothing running, when asked to drain, then it is drained at once', async () => {
    expect(await new InFlight().drained(1000)).toBe(true);
  });

  it('given a running command, when asked to drain, then it waits for the command', async () => {
    const inFlight = new InFlight();
    let finish!: () => void;
    const command = inFlight.track(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(inFlight.size).toBe(1);
    const drained = inFlight.drained(5000);
    finish();
    await command;
    expect(await drained).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('given a command that never ends, when the drain time passes, then it stops waiting', async () => {
    const inFlight = new InFlight();
    void inFlight.track(() => new Promise<void>(() => undefined));
    expect(await inFlight.drained(20)).toBe(false);
  });

  it('counts a failed command as finished', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.track(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(inFlight.size).toBe(0);
  });
});
