import type { Transaction } from 'kysely';
import { DAY, type Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { DEMO_PASSWORD } from '../../../platform/demo';
import type { DemoContext, DemoSignIn } from '../../../platform/module';
import { hashPassword, savePasswordHashes } from '../../auth';
import { copyFrameworkInto, installBuiltInFrameworks, publishedVersionDocument, readFrameworkDocument } from '../../frameworks';
import { programmeDesign } from '../../programmes';
import { provenance } from '../library.service';

/**
 * Demo data: the demo trust (Riverside Learning Trust) shares its Middle Leadership framework under
 * CC BY 4.0 and its Leadership Pathways programme design (all rights reserved, copying allowed within
 * the installation). A second organisation on the installation, Fenland Schools Partnership, whose
 * programme lead is Nadia Okafor (she signs in with the demo password), copied the framework a
 * week ago.
 */
export async function seedLibrary(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<DemoSignIn[]> {
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const riverside = context.organisationId;
  const director = context.ids.get('director') as string;

  const version = await trx
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select('framework_versions.id')
    .where('frameworks.organisation_id', '=', riverside)
    .where('frameworks.builtin_key', '=', 'leadership')
    .executeTakeFirstOrThrow();
  const shared = await publishedVersionDocument(trx, riverside, version.id);
  if (!shared) throw new Error('The demo could not share the trust’s framework');
  const item = {
    id: newId(),
    organisation_id: riverside,
    kind: 'framework' as const,
    source_id: version.id,
    source_label: `version ${shared.number}`,
    name: 'Middle Leadership framework',
    description:
      'The framework our middle leaders assess themselves against: our reading of the headteachers’ standards for heads of department and heads of year.',
    licence: 'cc-by-4.0' as const,
    content: shared.json,
    published_by: director,
    published_at: at(14),
    withdrawn_by: null,
    withdrawn_at: null,
  };
  await trx.insertInto('library_items').values(item).execute();

  const pathwaysId = context.ids.get('programme:pathways');
  const design = pathwaysId ? await programmeDesign(trx, riverside, pathwaysId) : undefined;
  if (pathwaysId && design)
    await trx
      .insertInto('library_items')
      .values({
        id: newId(),
        organisation_id: riverside,
        kind: 'programme',
        source_id: pathwaysId,
        source_label: 'programme design',
        name: 'Leadership Pathways',
        description: 'Our year-long programme for aspiring leaders: modules, requirements and the application questions we ask.',
        licence: 'installation-only',
        content: JSON.stringify(design),
        published_by: director,
        published_at: at(3),
        withdrawn_by: null,
        withdrawn_at: null,
      })
      .execute();

  const fenland = newId();
  await trx
    .insertInto('organisations')
    .values({ id: fenland, name: 'Fenland Schools Partnership', created_at: at(60), updated_at: at(60) })
    .execute();
  await installBuiltInFrameworks(trx, clock, fenland);
  const lead = newId();
  const email = 'nadia.okafor@fenland-partnership.example.org';
  await trx
    .insertInto('people')
    .values({
      id: lead,
      organisation_id: fenland,
      school_id: null,
      title: 'Ms',
      given_name: 'Nadia',
      family_name: 'Okafor',
      email,
      email_normalised: email,
      job_title: 'Director of Professional Development',
      staff_type: 'teaching',
      started_in_schools_on: '2008-09-01',
      leadership_level: 'executive',
      line_manager_id: null,
      trn: null,
      mis_staff_id: null,
      search_text: `nadia okafor ${email} director of professional development`,
      status: 'active',
      created_at: at(60),
      updated_at: at(60),
      deactivated_at: null,
    })
    .execute();
  await trx
    .insertInto('role_grants')
    .values({ id: newId(), person_id: lead, role: 'programme_lead', school_id: null, scope_key: 'organisation', granted_by: null, created_at: at(60) })
    .execute();
  await savePasswordHashes(trx, clock, [{ personId: lead, hash: await hashPassword(DEMO_PASSWORD) }]);

  const copiedAt = at(7);
  const copy = await copyFrameworkInto(trx, clock, {
    organisationId: fenland,
    title: 'Riverside Middle Leadership framework',
    document: readFrameworkDocument(shared.json),
    copiedFrom: provenance('Riverside Learning Trust', item, copiedAt),
    copiedBy: lead,
    requestId: null,
  });
  await trx
    .insertInto('library_copies')
    .values({ id: newId(), item_id: item.id, organisation_id: fenland, copy_id: copy.frameworkId, copied_by: lead, copied_at: copiedAt })
    .execute();
  return [{ who: 'Another organisation’s programme lead (Fenland Schools Partnership)', email }];
}
