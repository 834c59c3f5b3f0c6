import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { demoPdf } from '../../../platform/demo';
import { saveFile } from '../../../platform/files/files';
import type { DemoContext } from '../../../platform/module';

type Trx = Transaction<Database>;

/** Ratings by skill position, per checkpoint; `null` is "not sure yet". Small steps up, as real ones are. */
interface DemoAssessment {
  person: string;
  programme: string;
  checkpoint: 'baseline' | 'midpoint';
  status: 'draft' | 'submitted';
  daysAgo: number;
  ratings: (number | null | undefined)[];
  notes?: Record<number, string>;
  /** Files attached as evidence, by skill position. */
  files?: { skill: number; fileName: string; text: string }[];
}

const assessments: DemoAssessment[] = [
  // Towards Middle Leadership, Cohort 7 (running): three baselines, two midpoints, one draft; Maria Silva has not started.
  {
    person: 'rMat2',
    programme: 'Towards Middle Leadership',
    checkpoint: 'baseline',
    status: 'submitted',
    daysAgo: 70,
    ratings: [2, 1, 3, null],
    notes: { 1: 'I have never led a meeting of adults: this is what I most want to work on.' },
  },
  {
    person: 'rMat2',
    programme: 'Towards Middle Leadership',
    checkpoint: 'midpoint',
    status: 'submitted',
    daysAgo: 4,
    ratings: [3, 2, 3, 2],
    notes: { 1: 'I now chair our Key Stage 3 maths meeting every fortnight.' },
    files: [{ skill: 1, fileName: 'KS3 maths meeting minutes, October.pdf', text: 'KS3 maths meeting: minutes and actions, chaired by Kwame Asante' }],
  },
  { person: 'oT1', programme: 'Towards Middle Leadership', checkpoint: 'baseline', status: 'submitted', daysAgo: 68, ratings: [3, 2, 2, 1] },
  { person: 'oT1', programme: 'Towards Middle Leadership', checkpoint: 'midpoint', status: 'submitted', daysAgo: 2, ratings: [3, 3, 3, 2] },
  { person: 'hT2', programme: 'Towards Middle Leadership', checkpoint: 'baseline', status: 'submitted', daysAgo: 66, ratings: [2, 2, null, 2] },
  { person: 'rSci1', programme: 'Towards Middle Leadership', checkpoint: 'baseline', status: 'draft', daysAgo: 60, ratings: [2, 3] },
  // Leadership Pathways, Cohort 3 (running).
  { person: 'rMat3', programme: 'Leadership Pathways', checkpoint: 'baseline', status: 'submitted', daysAgo: 75, ratings: [3, 3, 2, 4] },
  { person: 'hDep', programme: 'Leadership Pathways', checkpoint: 'baseline', status: 'submitted', daysAgo: 74, ratings: [4, 3, 3, null] },
];

/** Demo data: self-assessments at baseline (and some at midpoint) for the running cohorts. Runs after the programmes, cohorts and enrolments are seeded. */
export async function seedSelfAssessments(trx: Trx, clock: Clock, people: DemoContext): Promise<void> {
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const id = (key: string) => people.ids.get(key) as string;
  const programmes = await trx.selectFrom('programmes').select(['id', 'title']).where('organisation_id', '=', people.organisationId).execute();
  const programmeId = (title: string) => programmes.find((p) => p.title === title)?.id as string;

  // Towards Middle Leadership (a 26-week cohort) checks in at the start, about two-thirds of the way and near the end.
  await trx
    .insertInto('self_assessment_plans')
    .values({
      programme_id: programmeId('Towards Middle Leadership'),
      checkpoints: JSON.stringify([
        { checkpoint: 'baseline', opens: 'enrolment', weeks: null },
        { checkpoint: 'midpoint', opens: 'weeks_before_end', weeks: 16 },
        { checkpoint: 'final', opens: 'weeks_before_end', weeks: 4 },
      ]),
      updated_by: id('director'),
      updated_at: at(90),
    })
    .execute();

  const focus = new Map<string, string[]>();
  for (const p of programmes) {
    const rows = await trx
      .selectFrom('programme_focus_skills')
      .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
      .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
      .select('framework_skills.id')
      .where('programme_focus_skills.programme_id', '=', p.id)
      .orderBy('framework_domains.position')
      .orderBy('framework_skills.position')
      .execute();
    focus.set(
      p.id,
      rows.map((r) => r.id),
    );
  }

  for (const a of assessments) {
    const pid = programmeId(a.programme);
    const enrolment = await trx
      .selectFrom('enrolments')
      .select('id')
      .where('programme_id', '=', pid)
      .where('person_id', '=', id(a.person))
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!enrolment) continue;
    const assessmentId = newId();
    await trx
      .insertInto('self_assessments')
      .values({
        id: assessmentId,
        enrolment_id: enrolment.id,
        checkpoint: a.checkpoint,
        status: a.status,
        created_at: at(a.daysAgo + 3),
        updated_at: at(a.daysAgo),
        submitted_at: a.status === 'submitted' ? at(a.daysAgo) : null,
      })
      .execute();
    for (const [i, skillId] of (focus.get(pid) ?? []).entries()) {
      const rating = a.ratings[i];
      if (rating === undefined) continue;
      await trx
        .insertInto('self_assessment_ratings')
        .values({ self_assessment_id: assessmentId, skill_id: skillId, rating, not_sure: rating === null ? 1 : 0, note: a.notes?.[i] ?? '', evidence_url: '' })
        .execute();
    }
    for (const f of a.files ?? []) {
      const skillId = focus.get(pid)?.[f.skill];
      if (!skillId) continue;
      const bytes = demoPdf(f.text);
      const fileId = await saveFile(trx, clock, {
        organisationId: people.organisationId,
        fileName: f.fileName,
        contentType: 'application/pdf',
        bytes,
        createdBy: id(a.person),
      });
      await trx
        .insertInto('self_assessment_evidence_files')
        .values({
          id: newId(),
          self_assessment_id: assessmentId,
          skill_id: skillId,
          file_id: fileId,
          file_name: f.fileName,
          size_bytes: bytes.byteLength,
          added_at: at(a.daysAgo),
        })
        .execute();
    }
  }
}
