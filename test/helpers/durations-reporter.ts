/**
 * A Vitest reporter for test/run.ts: how long each test file took from its worker's start to its last hook
 * ("project:path" → seconds), written to THADS_TEST_DURATIONS_OUT at the end of the run. test/run.ts shares
 * the site and browser files out between its two lanes by these numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const ROOT = path.resolve(import.meta.dirname, '../..');

export default class DurationsReporter implements Reporter {
  private durations: Record<string, number> = {};

  onTestModuleEnd(module: TestModule) {
    const d = module.diagnostic();
    const ms = d.prepareDuration + d.environmentSetupDuration + d.collectDuration + d.setupDuration + d.duration;
    this.durations[`${module.project.name}:${path.relative(ROOT, module.moduleId).split(path.sep).join('/')}`] = Math.round(ms / 100) / 10;
  }

  onTestRunEnd() {
    if (process.env.THADS_TEST_DURATIONS_OUT) fs.writeFileSync(process.env.THADS_TEST_DURATIONS_OUT, JSON.stringify(this.durations, null, 1));
  }
}
