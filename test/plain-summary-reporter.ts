import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain line, `Tests: N passed, N failed` (and skipped), plus the count
 * per project, so CI and people read the same figure whatever the console reporter prints.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const counts = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      perProject.set(name, counts);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines: string[] = [];
    for (const [name, counts] of [...perProject].sort(([a], [b]) => a.localeCompare(b))) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      lines.push(
        `  ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      );
    }
    console.log(`\nPer project:\n${lines.join('\n')}`);
    console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
