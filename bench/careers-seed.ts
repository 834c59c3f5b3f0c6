// The careers benchmarks' data: VACANCIES vacancies over DISTRICTS and ROLES, and the bench admin
// aspiring to headship and looking in LS11 and WF2.
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { replaceVacancies } from '../src/features/careers/careers.queries';
import { BENCH_ADMIN } from './generate';

export const VACANCIES = 5000;
export const DISTRICTS = ['LS1', 'LS2', 'LS6', 'LS11', 'WF1', 'WF2', 'BD1', 'HX1', 'HD1', 'YO1'];
export const ROLES: [string[], string[]][] = [
  [['headteacher'], ['headteacher']],
  [['deputy_headteacher'], ['deputy_head']],
  [['assistant_headteacher'], ['assistant_head']],
  [['head_of_year_or_phase'], ['head_of_year', 'subject_leader']],
  [['head_of_department_or_curriculum'], ['subject_leader']],
  [['sendco'], ['senco']],
];

/** VACANCIES vacancies spread over DISTRICTS and ROLES; the bench admin aspires to headship and looks in LS11 and WF2. */
export async function seedCareers(db: Db, organisationId: string): Promise<number> {
  const admin = await db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const roleId = newId();
  await db
    .insertInto('careers_roles')
    .values({
      id: roleId,
      organisation_id: organisationId,
      starter_key: 'headteacher',
      title: 'Headteacher',
      track: 'teaching',
      tier: 'headship',
      summary: 'Leads the school.',
      skill_codes: '[]',
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('careers_aspirations')
    .values({
      person_id: admin.id,
      organisation_id: organisationId,
      role_id: roleId,
      timeframe: '1_to_3',
      barriers: '[]',
      support: '',
      sharing: 'only_me',
      updated_at: at,
    })
    .execute();
  await db.insertInto('careers_vacancy_settings').values({ person_id: admin.id, districts: '["LS11","WF2"]', updated_at: at }).execute();
  const rows = Array.from({ length: VACANCIES }, (_, i) => {
    const [jobRoles, roleKeys] = ROLES[i % ROLES.length] as [string[], string[]];
    const district = DISTRICTS[Math.floor(i / ROLES.length) % DISTRICTS.length] as string;
    return {
      url: `https://teaching-vacancies.example/jobs/${i}`,
      title: `${jobRoles[0]} vacancy ${i}`,
      employer: `School ${i}`,
      postcode: `${district} 1AA`,
      district,
      job_roles: JSON.stringify(jobRoles),
      role_keys: JSON.stringify(roleKeys),
      date_posted: new Date(Date.now() - (i % 30) * 86_400_000).toISOString(),
      valid_through: new Date(Date.now() + (10 + (i % 40)) * 86_400_000).toISOString(),
      imported_at: at,
      first_seen_at: at,
    };
  });
  await replaceVacancies(db, rows, at);
  return rows.filter((r) => r.role_keys.includes('"headteacher"') && (r.district === 'LS11' || r.district === 'WF2')).length;
}
