import type { Db } from '../../../src/database';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the self-assessment matrix rows need, added to the shared world (teacher = world.report, enrolled in
 * programmes.cohortId). Returns the route parameters (`:name` → id) those rows use.
 */
export async function makeSelfAssessmentWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  void db;
  void world;
  void programmes;
  return {};
}
