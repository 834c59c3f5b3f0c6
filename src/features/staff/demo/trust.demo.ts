import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { DEMO_PASSWORD } from '../../../platform/demo';
import type { DemoContext, DemoSignIn } from '../../../platform/module';
import { hashPassword, savePasswordHashes } from '../../auth';
import type { SchoolPhase } from '../../organisations';
import { buildSearchText } from '../staff.schemas';
import type { LeadershipLevel, Role, StaffType } from '../staff.tables';

interface DemoPerson {
  key: string;
  given: string;
  family: string;
  title: string;
  type: StaffType;
  level: LeadershipLevel;
  started: string;
  manager?: string;
  roles?: { role: Role; school?: boolean }[];
}

interface DemoSchool {
  name: string;
  urn: string;
  phase: SchoolPhase;
  town: string;
  postcode: string;
  domain: string;
  staff: DemoPerson[];
}

const p = (
  key: string,
  given: string,
  family: string,
  title: string,
  type: StaffType,
  level: LeadershipLevel,
  started: string,
  manager?: string,
  roles?: DemoPerson['roles'],
): DemoPerson => ({ key, given, family, title, type, level, started, manager, roles });

/** Riverside Learning Trust: a central team and three schools, about 60 staff with line managers and roles; its programmes are in ./programmes.ts. */
const central: DemoPerson[] = [
  p('ceo', 'Helen', 'Okafor', 'Chief Executive Officer', 'teaching', 'executive', '1998-09-01', undefined, [{ role: 'org_admin' }]),
  p('director', 'Marcus', 'Bell', 'Director of Education', 'teaching', 'executive', '2003-09-01', 'ceo', [{ role: 'programme_lead' }]),
  p('hr', 'Priya', 'Shah', 'Trust People Lead', 'associate', 'senior', '2012-04-16', 'ceo', [{ role: 'org_admin' }]),
];

const schools: DemoSchool[] = [
  {
    name: 'Riverside Academy',
    urn: '143271',
    phase: 'secondary',
    town: 'Leeds',
    postcode: 'LS11 5QB',
    domain: 'riverside-academy.example.org',
    staff: [
      p('rHead', 'David', 'Mensah', 'Headteacher', 'teaching', 'headteacher', '2001-09-01', 'director', [{ role: 'school_admin', school: true }]),
      p('rDep', 'Claire', 'Fletcher', 'Deputy Headteacher', 'teaching', 'senior', '2006-09-01', 'rHead', [{ role: 'programme_lead' }]),
      p('rAss', 'Imran', 'Hussain', 'Assistant Headteacher (Teaching and Learning)', 'teaching', 'senior', '2009-09-01', 'rHead'),
      p('rBm', 'Gillian', 'Moore', 'School Business Manager', 'associate', 'senior', '2010-01-04', 'rHead', [{ role: 'school_admin', school: true }]),
      p('rEng', 'Tom', 'Walsh', 'Head of English', 'teaching', 'middle', '2013-09-01', 'rDep'),
      p('rEng1', 'Aisha', 'Begum', 'Teacher of English', 'teaching', 'none', '2021-09-01', 'rEng'),
      p('rEng2', 'Liam', "O'Connor", 'Teacher of English', 'teaching', 'none', '2019-09-01', 'rEng'),
      p('rEng3', 'Grace', 'Adeyemi', 'Early Career Teacher, English', 'teaching', 'none', '2025-09-01', 'rEng'),
      p('rMat', 'Sanjay', 'Patel', 'Head of Mathematics', 'teaching', 'middle', '2011-09-01', 'rDep'),
      p('rMat1', 'Emily', 'Clarke', 'Teacher of Mathematics', 'teaching', 'none', '2020-09-01', 'rMat'),
      p('rMat2', 'Kwame', 'Asante', 'Teacher of Mathematics', 'teaching', 'none', '2022-09-01', 'rMat'),
      p('rMat3', 'Hannah', 'Jones', 'Second in Mathematics', 'teaching', 'middle', '2016-09-01', 'rMat'),
      p('rSci', 'Fiona', 'MacLeod', 'Head of Science', 'teaching', 'middle', '2012-09-01', 'rAss'),
      p('rSci1', 'Oliver', 'Nowak', 'Teacher of Chemistry', 'teaching', 'none', '2018-09-01', 'rSci'),
      p('rSci2', 'Zara', 'Ahmed', 'Teacher of Biology', 'teaching', 'none', '2023-09-01', 'rSci'),
      p('rSci3', 'Ben', 'Harris', 'Teacher of Physics', 'teaching', 'none', '2017-09-01', 'rSci'),
      p('rHum', 'Rachel', 'Green', 'Head of Humanities', 'teaching', 'middle', '2014-09-01', 'rAss'),
      p('rHum1', 'Daniel', 'Kowalski', 'Teacher of History', 'teaching', 'none', '2021-09-01', 'rHum'),
      p('rHum2', 'Sophie', 'Turner', 'Teacher of Geography', 'teaching', 'none', '2024-09-01', 'rHum'),
      p('rY7', 'Joseph', 'Williams', 'Head of Year 7', 'teaching', 'middle', '2015-09-01', 'rDep'),
      p('rSenco', 'Niamh', 'Byrne', 'SENCo', 'teaching', 'middle', '2010-09-01', 'rDep'),
      p('rTa1', 'Maria', 'Silva', 'Teaching Assistant', 'associate', 'none', '2019-01-07', 'rSenco'),
      p('rTa2', 'Chloe', 'Evans', 'Higher Level Teaching Assistant', 'associate', 'none', '2016-04-11', 'rSenco'),
      p('rLm', 'Abdul', 'Rahman', 'Learning Mentor', 'associate', 'none', '2020-02-24', 'rSenco'),
      p('rOff', 'Karen', 'Wright', 'Office Manager', 'associate', 'middle', '2008-06-02', 'rBm'),
      p('rOff1', 'Jade', 'Thompson', 'Receptionist', 'associate', 'none', '2023-03-13', 'rOff'),
      p('rIt', 'Marek', 'Zielinski', 'IT Technician', 'associate', 'none', '2018-10-01', 'rBm'),
      p('rSite', 'Gary', 'Robinson', 'Site Manager', 'associate', 'none', '2005-05-03', 'rBm'),
    ],
  },
  {
    name: 'Oakfield Primary School',
    urn: '107862',
    phase: 'primary',
    town: 'Wakefield',
    postcode: 'WF2 8AH',
    domain: 'oakfield-primary.example.org',
    staff: [
      p('oHead', 'Sarah', 'Lindqvist', 'Headteacher', 'teaching', 'headteacher', '2004-09-01', 'director', [{ role: 'school_admin', school: true }]),
      p('oDep', 'James', 'Osei', 'Deputy Headteacher', 'teaching', 'senior', '2008-09-01', 'oHead'),
      p('oKs1', 'Laura', 'Bennett', 'Key Stage 1 Lead', 'teaching', 'middle', '2014-09-01', 'oDep'),
      p('oKs2', 'Mohammed', 'Ali', 'Key Stage 2 Lead', 'teaching', 'middle', '2015-09-01', 'oDep'),
      p('oT1', 'Ellie', 'Robertson', 'Year 1 Teacher', 'teaching', 'none', '2022-09-01', 'oKs1'),
      p('oT2', 'Nathan', 'Hughes', 'Year 2 Teacher', 'teaching', 'none', '2020-09-01', 'oKs1'),
      p('oT3', 'Amara', 'Nwosu', 'Year 4 Teacher', 'teaching', 'none', '2023-09-01', 'oKs2'),
      p('oT4', 'Ryan', 'Cooper', 'Year 6 Teacher and Maths Lead', 'teaching', 'middle', '2017-09-01', 'oKs2'),
      p('oT5', 'Lucy', 'Parker', 'Reception Teacher', 'teaching', 'none', '2021-09-01', 'oKs1'),
      p('oSenco', 'Bethany', 'Ward', 'SENCo', 'teaching', 'middle', '2012-09-01', 'oHead'),
      p('oTa1', 'Donna', 'Kelly', 'Teaching Assistant', 'associate', 'none', '2015-09-01', 'oSenco'),
      p('oTa2', 'Farah', 'Iqbal', 'Teaching Assistant', 'associate', 'none', '2022-01-10', 'oSenco'),
      p('oOff', 'Pauline', 'Marsh', 'School Business Manager', 'associate', 'senior', '2009-04-20', 'oHead', [{ role: 'school_admin', school: true }]),
      p('oOff1', 'Tariq', 'Mahmood', 'Administrator', 'associate', 'none', '2024-05-07', 'oOff'),
    ],
  },
  {
    name: 'Hillcrest Primary School',
    urn: '107915',
    phase: 'primary',
    town: 'Leeds',
    postcode: 'LS8 4JD',
    domain: 'hillcrest-primary.example.org',
    staff: [
      p('hHead', 'Andrew', 'Campbell', 'Headteacher', 'teaching', 'headteacher', '2000-09-01', 'director', [{ role: 'school_admin', school: true }]),
      p('hDep', 'Yasmin', 'Khan', 'Deputy Headteacher', 'teaching', 'senior', '2007-09-01', 'hHead'),
      p('hEy', 'Rebecca', 'Stone', 'Early Years Lead', 'teaching', 'middle', '2013-09-01', 'hDep'),
      p('hEng', 'Matthew', 'Price', 'English Lead', 'teaching', 'middle', '2016-09-01', 'hDep'),
      p('hT1', 'Olivia', 'Murphy', 'Year 3 Teacher', 'teaching', 'none', '2022-09-01', 'hEng'),
      p('hT2', 'Samuel', 'Boateng', 'Year 5 Teacher', 'teaching', 'none', '2019-09-01', 'hEng'),
      p('hT3', 'Isla', 'Grant', 'Nursery Teacher', 'teaching', 'none', '2024-09-01', 'hEy'),
      p('hT4', 'Adam', 'Novak', 'Year 6 Teacher', 'teaching', 'none', '2018-09-01', 'hDep'),
      p('hTa1', 'Shabana', 'Akhtar', 'Teaching Assistant', 'associate', 'none', '2017-09-04', 'hEy'),
      p('hTa2', 'Kelly', 'Foster', 'Early Years Practitioner', 'associate', 'none', '2020-09-07', 'hEy'),
      p('hOff', 'Janet', 'Hall', 'Office Manager', 'associate', 'middle', '2006-01-09', 'hHead'),
      p('hOff1', 'Connor', 'Reid', 'Administrative Assistant', 'associate', 'none', '2025-01-06', 'hOff'),
      p('hLm', 'Patience', 'Owusu', 'Family Support Worker', 'associate', 'none', '2016-11-14', 'hHead'),
    ],
  },
];

/**
 * The demo's first step: the trust, its schools and its staff with line managers and roles, all
 * with the demo password. Later steps find people by key in `context.ids`. Returns the sign-ins to print.
 */
export async function seedTrust(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<DemoSignIn[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now().toISOString();
  const { organisationId, ids } = context;
  const emails = new Map<string, string>();
  const all: { person: DemoPerson; schoolId: string | null; email: string }[] = [];
  for (const person of central)
    all.push({ person, schoolId: null, email: `${person.given}.${person.family}@riverside-trust.example.org`.toLowerCase().replace(/'/g, '') });
  const schoolsWithIds = schools.map((school) => ({ school, schoolId: newId() }));
  for (const { school, schoolId } of schoolsWithIds) {
    for (const person of school.staff)
      all.push({ person, schoolId, email: `${person.given.charAt(0)}.${person.family}@${school.domain}`.toLowerCase().replace(/'/g, '') });
  }
  for (const { person, email } of all) {
    ids.set(person.key, newId());
    emails.set(person.key, email);
  }
  await trx.insertInto('organisations').values({ id: organisationId, name: 'Riverside Learning Trust', created_at: now, updated_at: now }).execute();
  for (const [i, { school, schoolId }] of schoolsWithIds.entries()) {
    await trx
      .insertInto('schools')
      .values({
        id: schoolId,
        organisation_id: organisationId,
        name: school.name,
        name_normalised: school.name.toLowerCase(),
        urn: school.urn,
        phase: school.phase,
        local_authority: school.town,
        address_line1: `${10 + i * 7} ${['Canal Street', 'Oak Lane', 'Hill Road'][i]}`,
        address_line2: null,
        town: school.town,
        postcode: school.postcode,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  // Managers first, so every line_manager_id points at a row that exists.
  // Titles as pupils say them ("Mr Mensah"); a few use Dr or Mx, and one has none (the form then uses the full name).
  for (const { person, schoolId, email } of all) {
    const columns = { given_name: person.given, family_name: person.family, email, job_title: person.title };
    await trx
      .insertInto('people')
      .values({
        title: demoTitle(person),
        id: ids.get(person.key) as string,
        organisation_id: organisationId,
        school_id: schoolId,
        ...columns,
        email_normalised: email,
        search_text: buildSearchText(columns),
        staff_type: person.type,
        started_in_schools_on: person.started,
        leadership_level: person.level,
        line_manager_id: person.manager ? (ids.get(person.manager) as string) : null,
        trn: person.type === 'teaching' ? String(1_000_000 + (Math.abs(hashCode(person.key)) % 8_999_999)) : null,
        mis_staff_id: `RLT${String(all.findIndex((a) => a.person === person) + 1).padStart(4, '0')}`,
        status: 'active',
        created_at: now,
        updated_at: now,
        deactivated_at: null,
      })
      .execute();
    // Their role as the staff record shows it, from the day the record was made (as for anyone added).
    await trx
      .insertInto('roles_held')
      .values({
        id: newId(),
        organisation_id: organisationId,
        person_id: ids.get(person.key) as string,
        job_title: person.title,
        leadership_level: person.level,
        school_id: schoolId,
        started_on: now.slice(0, 10),
        ended_on: null,
        created_at: now,
      })
      .execute();
    for (const grant of person.roles ?? []) {
      const school = grant.school ? schoolId : null;
      await trx
        .insertInto('role_grants')
        .values({
          id: newId(),
          person_id: ids.get(person.key) as string,
          role: grant.role,
          school_id: school,
          scope_key: school ?? 'organisation',
          granted_by: null,
          created_at: now,
        })
        .execute();
    }
  }
  // Everyone signs in with the demo password, set through auth (which keeps passwords).
  await savePasswordHashes(
    trx,
    clock,
    all.map(({ person }) => ({ personId: ids.get(person.key) as string, hash: passwordHash })),
  );
  return [
    { who: 'Organisation admin (trust CEO)', email: emails.get('ceo') as string },
    { who: 'School admin (headteacher, Riverside Academy)', email: emails.get('rHead') as string },
    { who: 'Line manager (head of English)', email: emails.get('rEng') as string },
    { who: 'Member of staff (early career teacher)', email: emails.get('rEng3') as string },
    { who: 'Programme lead (director of education)', email: emails.get('director') as string },
  ];
}

function hashCode(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(31, h) + ch.charCodeAt(0)) | 0;
  return h;
}

const MS = new Set(
  'Aisha Amara Bethany Chloe Claire Donna Ellie Emily Farah Fiona Gillian Grace Hannah Helen Isla Jade Janet Karen Kelly Laura Lucy Maria Niamh Olivia Patience Pauline Priya Rachel Rebecca Sarah Shabana Sophie Yasmin Zara'.split(
    ' ',
  ),
);

/** A demo person's title: Dr for the chief executive, Mx for one teacher, none for one, Mrs or Miss for a few, otherwise Mr or Ms. */
function demoTitle(person: DemoPerson): string | null {
  if (person.key === 'ceo') return 'Dr';
  if (person.given === 'Ellie') return 'Mx';
  if (person.given === 'Connor') return null;
  if (person.given === 'Janet' || person.given === 'Pauline') return 'Mrs';
  if (person.given === 'Jade') return 'Miss';
  return MS.has(person.given) ? 'Ms' : 'Mr';
}
