import { ConfigError, DEMO_INBOUND_API_KEY, loadConfig } from './config/config';
import { createApplication } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApplication(config);
  const url = await app.listen();
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  const lines = [
    `Tanggap is running at ${url}`,
    `  storage: ${storage}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.isDemo) {
    lines.push(
      '  demo users: agent1, agent2, trainee1, agent3, agent4 (agents), lead1, lead2, trainer1, admin; password demo1234',
      `  inbound webhook key: ${config.inboundApiKey === DEMO_INBOUND_API_KEY ? DEMO_INBOUND_API_KEY : '(from INBOUND_API_KEY)'}`,
      `  simulator: ${config.isSimulatorOn ? `on, a contact every ~${Math.round(config.simulatorIntervalMs / 1000)} s` : 'off'}`,
    );
  }
  console.log(lines.join('\n'));

  let isClosing = false;
  const shutdown = (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Tanggap failed to start:', error);
  process.exit(1);
});
