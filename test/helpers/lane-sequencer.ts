/**
 * Order of the test files in a lane of test/run.ts (THADS_TEST_LANE): Vitest's own order (longest first by the
 * last run), then lane A keeps the files that build the site (projects site and e2e) for the end and lane B
 * runs them first, so that the two lanes build the site at different times and rarely wait for each other's
 * site build lock. Without a lane (a plain `vitest run`), Vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const builds = (spec: TestSpecification) => spec.project.name === 'site' || spec.project.name === 'e2e';

export default class LaneSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const lane = process.env.THADS_TEST_LANE;
    if (!lane) return sorted;
    const site = sorted.filter(builds);
    const rest = sorted.filter((spec) => !builds(spec));
    return lane === 'B' ? [...site, ...rest] : [...rest, ...site];
  }
}
