import { newId } from '../../../platform/db/ids';
import type { DemoStep } from '../../../platform/module';
import { buildSearchText, insertPeople } from '../../staff';
import * as q from '../partners.queries';

/**
 * The demo trust opens Towards Middle Leadership (Cohort 8 takes applications now) and Leadership
 * Pathways to staff of any school, and a teacher from Moorside Community Primary School, a school
 * attached to no organisation on Waymark, has joined to apply.
 */
export const seedPartners: DemoStep['seed'] = async (trx, clock, context) => {
  const at = clock.now().toISOString();
  const by = context.ids.get('director') ?? null;
  for (const key of ['programme:middle', 'programme:pathways']) {
    const programmeId = context.ids.get(key);
    if (!programmeId) continue;
    await q.saveOpening(trx, { programmeId, organisationId: context.organisationId, openTo: 'any_school', partnerIds: [], by, at });
  }
  if (!by) return;
  const personId = newId();
  const columns = {
    title: 'Mrs',
    given_name: 'Rukhsana',
    family_name: 'Ahmed',
    email: 'r.ahmed@moorside-primary.example.org',
    email_normalised: 'r.ahmed@moorside-primary.example.org',
    job_title: 'Head of Year 4',
    staff_type: 'teaching' as const,
    started_in_schools_on: '2017-09-01',
    leadership_level: 'none' as const,
    trn: null,
    mis_staff_id: null,
    school_id: null,
  };
  await insertPeople(trx, context.organisationId, [{ id: personId, columns: { ...columns, search_text: buildSearchText(columns) }, lineManagerId: null }], at);
  await q.insertOutsideApplicant(trx, {
    person_id: personId,
    organisation_id: context.organisationId,
    urn: '108012',
    headteacher_name: 'Gareth Pugh',
    headteacher_email: 'head@moorside-primary.example.org',
    joined_at: at,
  });
  context.ids.set('outside:rukhsana', personId);
};
