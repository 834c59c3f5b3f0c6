import type { DemoStep } from '../../../platform/module';

/** Filled in below once the demo's partner organisation runs a programme. */
export const seedPartnerStaff: DemoStep['seed'] = async () => {};
