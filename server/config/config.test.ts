import { describe, expect, it } from 'vitest';
import { DEMO_INBOUND_API_KEY, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs a demo on embedded SQLite with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      isDemo: true,
      isSimulatorOn: true,
      inboundApiKey: DEMO_INBOUND_API_KEY,
      offerTimeoutMs: 20_000,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('turns the simulator off with the demo unless asked for', () => {
    const clean = loadConfig({
      DEMO: 'off',
      ADMIN_USERNAME: 'kepala',
      ADMIN_PASSWORD: 'rahasia-panjang',
      INBOUND_API_KEY: 'k'.repeat(20),
    });
    expect(clean.isDemo).toBe(false);
    expect(clean.isSimulatorOn).toBe(false);
    expect(loadConfig({ SIMULATOR: 'off' }).isSimulatorOn).toBe(false);
  });

  it('refuses DEMO=off without a first administrator or an inbound key, naming both', () => {
    expect(() => loadConfig({ DEMO: 'off' })).toThrow(/ADMIN_USERNAME[\s\S]*INBOUND_API_KEY/);
  });

  it('names every bad value', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ORG_CODE: 'tg p' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must be a postgres[\s\S]*ORG_CODE/,
    );
  });

  it('cuts the metrics into 30-minute intervals unless told otherwise; a length must divide a day', () => {
    expect(loadConfig({}).metricsIntervalMinutes).toBe(30);
    expect(loadConfig({ METRICS_INTERVAL_MINUTES: '15' }).metricsIntervalMinutes).toBe(15);
    expect(() => loadConfig({ METRICS_INTERVAL_MINUTES: '7' })).toThrow(
      /METRICS_INTERVAL_MINUTES: must divide a day/,
    );
  });

  it('reads the several-node settings, with a random node id when none is given', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'tanggap-prod',
      NODE_ID: 'n1',
      DATABASE_POOL_SIZE: '20',
    });
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'tanggap-prod',
      nodeId: 'n1',
      databasePoolSize: 20,
      nodeHeartbeatMs: 2000,
      nodeExpiryMs: 10_000,
    });
    expect(loadConfig({}).nodeId).toMatch(/^node-[0-9a-f]{8}$/);
  });

  it('refuses a node expiry that a slow heartbeat would reach, and a non-Redis URL', () => {
    expect(() => loadConfig({ NODE_HEARTBEAT_MS: '5000', NODE_EXPIRY_MS: '8000' })).toThrow(
      /NODE_EXPIRY_MS: must be more than twice NODE_HEARTBEAT_MS/,
    );
    expect(() => loadConfig({ REDIS_URL: 'http://redis' })).toThrow(/REDIS_URL/);
  });
});
