import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import { DAY, type Clock } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/module';
import { installStarterDirectory, installStarterRoles, replaceVacancies } from '../careers.queries';
import type { InterestStatus, MarkStatus, OpenTo, OpportunityKind, Sharing } from '../careers.tables';

/**
 * Demo data: the starter role map; aspirations at several stages (Grace Adeyemi, an early career
 * teacher, shares hers with Tom Walsh, who has held a career conversation with her; Chloe Evans, an
 * HLTA, shares hers; Aisha Begum keeps hers private); open opportunities with interest (the Year 7
 * transition working party, shadowing the head, acting up at Oakfield); one done and verified; the
 * starter development directory, with NPQs people are interested in, doing and have done.
 */
export async function seedCareers(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const day = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const id = (key: string) => context.ids.get(key) as string;
  const org = context.organisationId;

  await installStarterRoles(trx, org, at(120));
  const roles = new Map(
    (await trx.selectFrom('careers_roles').select(['id', 'starter_key']).where('organisation_id', '=', org).execute()).map(
      (r) => [r.starter_key, r.id] as const,
    ),
  );
  const role = (key: string) => roles.get(key) as string;

  const aspire = (person: string, roleKey: string, timeframe: string, barriers: string[], support: string, sharing: Sharing, daysAgo: number) =>
    trx
      .insertInto('careers_aspirations')
      .values({
        person_id: id(person),
        organisation_id: org,
        role_id: role(roleKey),
        timeframe,
        barriers: JSON.stringify(barriers),
        support,
        sharing,
        updated_at: at(daysAgo),
      })
      .execute();
  await aspire(
    'rEng3',
    'head_of_year',
    '3_to_5',
    ['confidence', 'role_model'],
    'Shadowing a head of year, and a mentor who has done the job.',
    'line_manager',
    30,
  );
  await aspire('rTa2', 'hlta_lead', '1_to_3', ['caring', 'part_time'], 'Leading some of the TA training sessions.', 'line_manager', 45);
  await aspire('rEng1', 'subject_leader', 'within_1', ['workload'], 'Time to do the NPQ in Leading Teaching.', 'only_me', 12);
  await aspire('rMat3', 'assistant_head', '3_to_5', ['opportunity'], 'A whole-school project to lead.', 'line_manager', 60);
  await aspire('oT3', 'subject_leader', 'exploring', [], '', 'only_me', 5);

  const opportunity = async (
    poster: string,
    title: string,
    kind: OpportunityKind,
    description: string,
    skills: string[],
    timeNeeded: string,
    [starts, ends, closes]: [number, number, number],
    openTo: OpenTo,
    places: number,
  ) => {
    const opportunityId = newId();
    await trx
      .insertInto('careers_opportunities')
      .values({
        id: opportunityId,
        organisation_id: org,
        posted_by: id(poster),
        title,
        kind,
        description,
        skill_codes: JSON.stringify(skills),
        time_needed: timeNeeded,
        starts_on: day(starts),
        ends_on: day(ends),
        closes_on: day(closes),
        open_to: openTo,
        places,
        created_at: at(Math.max(10, closes + 20)),
      })
      .execute();
    return opportunityId;
  };
  const interest = (
    opportunityId: string,
    person: string,
    line: string,
    status: InterestStatus,
    extra: { decidedBy?: string; note?: string; daysAgo: number },
  ) =>
    trx
      .insertInto('careers_interests')
      .values({
        id: newId(),
        opportunity_id: opportunityId,
        person_id: id(person),
        line,
        status,
        reason: null,
        decided_by: extra.decidedBy ? id(extra.decidedBy) : null,
        decided_at: extra.decidedBy ? at(extra.daysAgo) : null,
        verified_note: extra.note ?? null,
        completed_at: status === 'completed' ? at(extra.daysAgo - 20) : null,
        created_at: at(extra.daysAgo + 5),
      })
      .execute();

  const transition = await opportunity(
    'rDep',
    'Lead the Year 7 transition working party',
    'working_party',
    'Bring together tutors, the SENCo and our feeder primaries to plan how new Year 7 pupils settle in, and present the plan to the senior team.',
    ['SC2', 'WP2', 'OM2'],
    'An hour a week for eight weeks',
    [-21, -77, -14],
    'all',
    1,
  );
  await interest(transition, 'rEng2', 'I ran the summer school last year and would love to shape transition properly.', 'interested', { daysAgo: 3 });
  await interest(transition, 'rTa2', 'I support many of our new pupils with SEND and know what helps them settle.', 'interested', { daysAgo: 2 });

  const shadow = await opportunity(
    'rHead',
    'Shadow the headteacher for a day',
    'shadowing',
    'Spend a day with the headteacher: a governors’ committee, a budget meeting, a parent meeting and the daily walk around the school.',
    ['GA1', 'OM1', 'PE2'],
    'One day',
    [-30, -30, -21],
    'all',
    2,
  );
  await interest(shadow, 'rMat3', 'I want to see what headship is like day to day before I apply for senior roles.', 'chosen', {
    decidedBy: 'rHead',
    daysAgo: 1,
  });

  await opportunity(
    'oHead',
    'Act up as Key Stage 2 lead for the summer term',
    'acting_up',
    'Cover the Key Stage 2 lead’s role while they are on secondment: lead the phase team’s meetings, moderation and the Year 6 transition.',
    ['CA1', 'TE2', 'PE4'],
    'Two afternoons a week for a term',
    [-120, -190, -28],
    'teaching',
    1,
  );

  const inset = await opportunity(
    'rAss',
    'Lead a twilight INSET on retrieval practice',
    'inset',
    'Plan and lead a one-hour twilight session for the whole teaching staff on retrieval practice, with examples from your own lessons.',
    ['TE1', 'PD1', 'PE2'],
    'About six hours to prepare, one hour to lead',
    [40, 35, 50],
    'teaching',
    1,
  );
  await interest(inset, 'rMat1', 'I have been using low-stakes quizzes all year and would like to share what worked.', 'completed', {
    decidedBy: 'rAss',
    note: 'A clear, practical session: colleagues are already using the quiz templates.',
    daysAgo: 48,
  });

  // Tom Walsh's career conversation with Grace Adeyemi, confirmed, with next steps.
  const conversationId = newId();
  await trx
    .insertInto('careers_conversations')
    .values({
      id: conversationId,
      organisation_id: org,
      person_id: id('rEng3'),
      manager_id: id('rEng'),
      held_on: day(20),
      discussed:
        'Grace’s first term and where she would like to be in a few years. She is interested in pastoral leadership and worries she is too new to put herself forward.',
      aspiration_agreed: 'Head of year within three to five years',
      recorded_by: id('rEng'),
      recorded_at: at(20),
      confirmed_at: at(19),
    })
    .execute();
  await trx
    .insertInto('careers_actions')
    .values([
      {
        id: newId(),
        conversation_id: conversationId,
        description: 'Express interest in the Year 7 transition working party',
        owner_id: id('rEng3'),
        due_on: day(-7),
        opportunity_id: transition,
        done_at: null,
        created_at: at(20),
      },
      {
        id: newId(),
        conversation_id: conversationId,
        description: 'Ask Joseph Williams (Head of Year 7) about shadowing a pastoral morning',
        owner_id: id('rEng'),
        due_on: day(6),
        opportunity_id: null,
        done_at: at(8),
        created_at: at(20),
      },
    ])
    .execute();

  await installStarterDirectory(trx, org, at(120));
  const items = new Map(
    (await trx.selectFrom('careers_directory_items').select(['id', 'starter_key']).where('organisation_id', '=', org).execute()).map(
      (r) => [r.starter_key, r.id] as const,
    ),
  );
  const mark = (person: string, key: string, status: MarkStatus, daysAgo: number) =>
    trx
      .insertInto('careers_directory_marks')
      .values({ person_id: id(person), item_id: items.get(key) as string, status, updated_at: at(daysAgo) })
      .execute();
  await mark('rEng3', 'npqlbc', 'interested', 18);
  await mark('rEng3', 'womened', 'doing', 40);
  await mark('rMat3', 'npqsl', 'doing', 200);
  await mark('rMat1', 'npqlt', 'done', 90);
  await mark('rEng1', 'npqlt', 'interested', 12);
  await mark('rSenco', 'npqsenco', 'done', 400);

  // A small sample of leadership vacancies (the demo imports nothing from the feed).
  const vacancy = (
    slug: string,
    title: string,
    employer: string,
    postcode: string,
    jobRoles: string[],
    roleKeys: string[],
    closesIn: number,
    postedAgo: number,
  ) => ({
    url: `https://teaching-vacancies.example/jobs/${slug}`,
    title,
    employer,
    postcode,
    district: postcode.split(' ')[0] ?? null,
    job_roles: JSON.stringify(jobRoles),
    role_keys: JSON.stringify(roleKeys),
    date_posted: at(postedAgo),
    valid_through: at(-closesIn),
    imported_at: at(1),
    first_seen_at: at(postedAgo),
  });
  await replaceVacancies(
    trx,
    [
      vacancy('head-of-english-ls11', 'Head of English', 'Beeston Hill Academy', 'LS11 7AB', ['head_of_department_or_curriculum'], ['subject_leader'], 18, 3),
      vacancy(
        'head-of-year-9-ls8',
        'Head of Year 9',
        'Roundhay Park High School',
        'LS8 2LJ',
        ['head_of_year_or_phase'],
        ['head_of_year', 'subject_leader'],
        12,
        5,
      ),
      vacancy(
        'head-of-year-7-wf2',
        'Head of Year 7 and transition lead',
        'Wakefield City School',
        'WF2 9QT',
        ['head_of_year_or_phase'],
        ['head_of_year', 'subject_leader'],
        25,
        2,
      ),
      vacancy('senco-ls11', 'SENCo', 'Holbeck Primary School', 'LS11 9DL', ['sendco'], ['senco'], 20, 6),
      vacancy(
        'assistant-head-ls6',
        'Assistant Headteacher (Curriculum)',
        'Headingley Community College',
        'LS6 3AA',
        ['assistant_headteacher'],
        ['assistant_head'],
        15,
        4,
      ),
      vacancy('deputy-head-wf1', 'Deputy Headteacher', 'Westgate Academy', 'WF1 2QX', ['deputy_headteacher'], ['deputy_head'], 30, 1),
      vacancy('headteacher-ls17', 'Headteacher', 'Alwoodley Primary School', 'LS17 7PZ', ['headteacher'], ['headteacher'], 35, 7),
    ],
    at(0),
  );
}
