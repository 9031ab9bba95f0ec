/**
 * `npm run audit:verify`: checks the audit log's hash chain in the database the server would use
 * (the same environment: DATA_DIR or DATABASE_URL and DATABASE_SCHEMA). Exit code 0 when intact,
 * 1 when a row was edited or deleted (each problem printed), 2 when the check could not run.
 */
import { loadConfig } from '../config/config';
import { verifyAuditLog } from '../modules/audit/repository';
import { openStore } from '../store/database';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const store = openStore({
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    dataDir: config.dataDir,
  });
  try {
    const result = await verifyAuditLog(store.db);
    if (result.isIntact) {
      console.log(`audit log intact: ${result.rows} rows, every hash and link checks out`);
      return 0;
    }
    console.error(`audit log BROKEN (${result.rows} rows read):`);
    for (const problem of result.problems) {
      console.error(
        `  ${problem.seq === null ? 'end of log' : `row ${problem.seq}`}: ${problem.problem}`,
      );
    }
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
