import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import { hashToken, newToken } from '../../../src/platform/http/tokens';
import { makePerson, type World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the headteacher's-support-by-link rows need: a teacher of Moorside Community Primary
 * School (on the school list, on no organisation on Waymark) who joined to apply, and applied to the
 * programme world's cohort; their headteacher was emailed a link (`:headToken`) to support
 * `:headApplicationId` (its endorsement is `:headEndorsementId`). The matrix also signs the
 * teacher in (`outsideApplicantEmail`), to walk every page as someone from an unattached school.
 */
export async function matrixRecords(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const at = '2026-11-20T09:00:00.000Z';
  await db
    .insertInto('establishments')
    .values({
      urn: '108012',
      name: 'Moorside Community Primary School',
      search_text: ' moorside community primary school bradford',
      type: 'Community school',
      phase: 'Primary',
      local_authority: 'Bradford',
      street: 'Moorside Road',
      locality: '',
      address3: '',
      town: 'Bradford',
      county: 'West Yorkshire',
      postcode: 'BD2 3HE',
      postcode_key: 'BD23HE',
      status: 'Open',
      is_open: 1,
      loaded_at: at,
    })
    .onConflict((oc) => oc.column('urn').doNothing())
    .execute();
  const applicant = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Rukhsana', jobTitle: 'Head of Year 4' });
  await db
    .insertInto('outside_applicants')
    .values({
      person_id: applicant.id,
      organisation_id: world.organisation.id,
      urn: '108012',
      headteacher_name: 'Gareth Pugh',
      headteacher_email: 'head@moorside.example.sch.uk',
      joined_at: at,
    })
    .execute();
  const applicationId = newId();
  await db
    .insertInto('applications')
    .values({
      id: applicationId,
      organisation_id: world.organisation.id,
      cohort_id: programmes.cohortId,
      person_id: applicant.id,
      school_id: null,
      status: 'awaiting_endorsement',
      live_slot: 'live',
      current_role: 'Head of Year 4',
      experience: 'I lead the Year 4 team.',
      motivation: 'I want to lead across the school.',
      declarations: '[]',
      coach_person_id: null,
      coach_name: null,
      coach_email: null,
      project_idea: null,
      eligible: 1,
      eligibility_notes: '[]',
      recommendation_id: null,
      decision_reason: null,
      submitted_at: at,
      decided_at: null,
      waitlisted_at: null,
      school_urn: '108012',
      headteacher_name: 'Gareth Pugh',
      headteacher_email: 'head@moorside.example.sch.uk',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const token = newToken();
  const endorsementId = newId();
  await db
    .insertInto('endorsements')
    .values({
      id: endorsementId,
      application_id: applicationId,
      kind: 'headteacher',
      endorser_id: null,
      school_id: null,
      status: 'requested',
      comment: null,
      answered_by: null,
      requested_at: at,
      due_on: null,
      reminded_at: null,
      answered_at: null,
      endorser_name: 'Gareth Pugh',
      endorser_email: 'head@moorside.example.sch.uk',
      token_hash: hashToken(token),
      expires_at: '2099-01-01T00:00:00.000Z',
      answered_name: null,
      answered_role: null,
      created_at: at,
    })
    .execute();
  return { headApplicationId: applicationId, headToken: token, headEndorsementId: endorsementId, outsideApplicantEmail: applicant.email };
}
