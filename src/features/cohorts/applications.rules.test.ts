import { describe, expect, it } from 'vitest';
import { missingEndorsements, sectionStatus, sectionsFor, submissionRefusals, type SubmissionFacts } from './applications.rules';
import { windowState } from './cohorts.policy';
import { countWords, readCohortForm } from './cohorts.schemas';

const complete: SubmissionFacts = {
  current_role: 'Head of English',
  experience: 'Led the department through a new curriculum.',
  motivation: 'I want to lead a whole school.',
  declarations: JSON.stringify(['I am based in a school.']),
  coach_person_id: null,
  coach_name: 'Jo Bloggs',
  coach_email: 'jo@example.org',
  project_idea: 'Reading for pleasure.',
  programme_declarations: JSON.stringify(['I am based in a school.']),
  asks_for_coach: 1,
  asks_for_project: 0,
  motivation_word_limit: 10,
  programme_status: 'open',
  programme_eligibility: JSON.stringify({ leadershipLevels: ['middle', 'senior'] }),
  applications_open_on: '2027-04-27',
  applications_close_on: '2027-06-12',
  cohort_name: 'Cohort 8',
  programme_title: 'Leadership Pathways',
  needs_line_manager: 1,
  staff_type: 'teaching',
  leadership_level: 'middle',
  started_in_schools_on: '2015-09-01',
};
const manager = { status: 'active' };

describe('application rules', () => {
  it('counts words the way a reader does', () => {
    expect(countWords('  one two\n\nthree  ')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('has the coach and project sections only when the programme asks for them', () => {
    expect(sectionsFor({ asks_for_coach: 0, asks_for_project: 0 })).toEqual(['role', 'motivation', 'declarations']);
    expect(sectionsFor({ asks_for_coach: 1, asks_for_project: 1 })).toEqual(['role', 'motivation', 'declarations', 'coach', 'project']);
  });

  it('a complete application inside the window can be submitted', () => {
    expect(submissionRefusals(complete, '2027-04-27', manager)).toEqual({});
    expect(submissionRefusals(complete, '2027-06-12', manager)).toEqual({});
  });

  it('the window is whole days: closed the day after it closes, not open the day before it opens', () => {
    expect(windowState(complete, '2027-04-26')).toBe('before');
    expect(windowState(complete, '2027-06-13')).toBe('after');
    expect(submissionRefusals(complete, '2027-06-13', manager).window).toContain('closed on 12 June 2027');
    expect(submissionRefusals(complete, '2027-04-26', manager).window).toContain('open on 27 April 2027');
  });

  it('changed declarations are no longer confirmed', () => {
    const changed = { ...complete, programme_declarations: JSON.stringify(['I am based in a school.', 'I have an in-school coach.']) };
    expect(sectionStatus(changed, 'declarations')).toBe('incomplete');
    expect(submissionRefusals(changed, '2027-05-01', manager).declarations).toContain('have changed');
  });

  it('a motivation over the word limit is incomplete', () => {
    const long = { ...complete, motivation: 'word '.repeat(11) };
    expect(sectionStatus(long, 'motivation')).toBe('incomplete');
    expect(submissionRefusals(long, '2027-05-01', manager).motivation).toBe('Why you want to take part must be 10 words or fewer');
  });

  it('refuses with every reason at once: eligibility, missing sections and a missing line manager', () => {
    const refusals = submissionRefusals({ ...complete, leadership_level: 'none', coach_name: null, experience: '' }, '2027-05-01', null);
    expect(Object.keys(refusals).sort()).toEqual(['coach', 'eligibility', 'lineManager', 'role']);
    expect(refusals.eligibility).toContain('middle leaders or senior leaders');
  });

  it('acceptance needs every endorsement the cohort asks for to be supported', () => {
    const cohort = { needs_line_manager: 1, needs_headteacher: 1 };
    expect(missingEndorsements(cohort, [{ kind: 'line_manager', status: 'supported' }])).toEqual(['the headteacher’s support']);
    expect(
      missingEndorsements(cohort, [
        { kind: 'line_manager', status: 'not_supported' },
        { kind: 'headteacher', status: 'cancelled' },
      ]),
    ).toHaveLength(2);
    expect(missingEndorsements({ needs_line_manager: 0, needs_headteacher: 0 }, [])).toEqual([]);
  });
});

describe('the cohort form', () => {
  const values = {
    name: 'Cohort 8',
    'opensOn-day': '27',
    'opensOn-month': '4',
    'opensOn-year': '2009',
    'closesOn-day': '12',
    'closesOn-month': '6',
    'closesOn-year': '2009',
    'startsOn-day': '1',
    'startsOn-month': '9',
    'startsOn-year': '2009',
    'endsOn-day': '31',
    'endsOn-month': '7',
    'endsOn-year': '2010',
    capacity: '12',
    needsLineManager: 'yes',
  };

  it('reads GOV.UK date inputs and gives endorsers 14 days after the window by default', () => {
    const form = readCohortForm(values, ['a', 'a', '']);
    expect(form.ok && form.data).toMatchObject({
      opensOn: '2009-04-27',
      closesOn: '2009-06-12',
      endorsementDeadline: '2009-06-26',
      capacity: 12,
      leadIds: ['a'],
      needsLineManager: true,
      needsHeadteacher: false,
    });
  });

  it('refuses impossible dates, dates out of order and a capacity below one, in page order', () => {
    const form = readCohortForm({ ...values, 'opensOn-day': '31', 'opensOn-month': '2', 'endsOn-year': '2008', capacity: '0' }, []);
    expect(form.ok).toBe(false);
    if (!form.ok) {
      expect(Object.keys(form.errors)).toEqual(['opensOn', 'endsOn', 'capacity']);
      expect(form.errors.opensOn).toBe('Date applications open must be a real date, for example 1 9 2015');
    }
  });
});
