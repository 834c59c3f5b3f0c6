import type { DemoStep } from '../../../platform/module';

/** Filled in below. */
export const seedTasters: DemoStep['seed'] = async () => {};
