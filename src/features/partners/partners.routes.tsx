import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { FIND_SCHOOL } from '../establishments';
import * as s from './partners.service';
import { CheckEmailPage, JoinPage, OpeningPage, OpenProgrammesPage, OwnSchoolAndRolePage, SignUpLinkProblemPage, SignUpPage } from './views/pages';

/** Programmes opened to other schools, and outside applicants joining to apply. */
export const partnersRoutes = new Hono<AppEnv>();

async function openingPage(c: Context<AppEnv>, form?: { values: { openTo?: string; partners: string[] }; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getOpening(c.get('deps'), viewer, c.req.param('programmeId') ?? '');
  return renderPage(
    c,
    { title: `Who may apply: ${data.programme.title}`, hasErrors: !!form, status: form ? 400 : 200 },
    <OpeningPage
      programme={data.programme}
      openTo={(form?.values.openTo as typeof data.openTo) ?? data.openTo}
      partnerIds={form?.values.partners ?? data.partnerIds}
      organisations={data.organisations}
      errors={form?.errors}
      saved={c.req.query('saved') === '1'}
    />,
  );
}

partnersRoutes.get('/programmes/:programmeId/opening', access('programme-lead'), (c) => openingPage(c));
partnersRoutes.post('/programmes/:programmeId/opening', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values, list } = await readFormWithLists(c);
  const form = { openTo: values.openTo, partners: list('partners') };
  try {
    await s.saveOpening(c.get('deps'), viewer, c.req.param('programmeId'), form, c.get('requestId') ?? null);
  } catch (error) {
    if (error instanceof Invalid) return openingPage(c, { values: form, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${c.req.param('programmeId')}/opening?saved=1`, 303);
});

partnersRoutes.get('/open-programmes', access('anyone'), async (c) => {
  const cohorts = await s.listOpenCohorts(c.get('deps'));
  return renderPage(c, { title: 'Programmes open to staff of any school' }, <OpenProgrammesPage cohorts={cohorts} />);
});

async function signUpPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const cohort = await s.findOpenCohort(c.get('deps'), c.req.param('cohortId') ?? '');
  return renderPage(
    c,
    {
      title: `Apply for ${cohort.programmeTitle}`,
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href="/open-programmes" text="Open programmes" />,
    },
    <SignUpPage cohort={cohort} values={form?.values ?? {}} errors={form?.errors} />,
  );
}
partnersRoutes.get('/open-programmes/:cohortId', access('anyone'), (c) => signUpPage(c));
partnersRoutes.post('/open-programmes/:cohortId', access('anyone'), async (c) => {
  const values = await readForm(c);
  let email: string;
  try {
    email = await s.requestSignUp(c.get('deps'), c.req.param('cohortId'), values);
  } catch (error) {
    if (error instanceof Invalid) return signUpPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return renderPage(c, { title: 'Check your email' }, <CheckEmailPage email={email} />);
});

async function joinPage(c: Context<AppEnv>, form?: { values: FormValues; errors?: FieldErrors; search?: boolean }) {
  const token = c.req.param('token') ?? '';
  const check = await s.checkSignUp(c.get('deps'), token);
  if (!check.ok) return renderPage(c, { title: 'This link does not work', status: 404 }, <SignUpLinkProblemPage reason={check.reason} />);
  const values = form?.values ?? {};
  const query = (values.schoolQuery ?? '').trim();
  const results = form?.search || (form?.errors && query !== '') ? await s.findSchools(c.get('deps'), query) : null;
  const hasErrors = !!form?.errors && Object.keys(form.errors).length > 0;
  return renderPage(
    c,
    { title: 'About you and your school', hasErrors, status: hasErrors ? 400 : 200 },
    <JoinPage token={token} cohort={check.cohort} email={check.signUp.email} values={values} results={results} errors={form?.errors} />,
  );
}
partnersRoutes.get('/join/:token', access('anyone'), (c) => joinPage(c));
partnersRoutes.post('/join/:token', access('anyone'), async (c) => {
  const values = await readForm(c);
  if (values.action === FIND_SCHOOL) {
    const errors: FieldErrors = (values.schoolQuery ?? '').trim() === '' ? { schoolQuery: 'Enter your school’s name, URN or postcode' } : {};
    return joinPage(c, { values: { ...values, schoolUrn: '' }, errors: Object.keys(errors).length ? errors : undefined, search: true });
  }
  let to: string;
  try {
    to = await s.completeJoin(c.get('deps'), c.req.param('token'), values);
  } catch (error) {
    if (error instanceof Invalid) return joinPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(to, 303);
});

/** The form's values from an outside applicant's record as it is now. */
function currentValues(data: s.OwnSchoolAndRole): FormValues {
  const [year, month, day] = (data.person.started_in_schools_on ?? '').split('-');
  return {
    schoolQuery: data.applicant.urn,
    schoolUrn: data.applicant.urn,
    jobTitle: data.person.job_title ?? '',
    leadershipLevel: data.person.leadership_level,
    'startedInSchoolsOn-day': day ? String(Number(day)) : '',
    'startedInSchoolsOn-month': month ? String(Number(month)) : '',
    'startedInSchoolsOn-year': year ?? '',
    headteacherName: data.applicant.headteacher_name,
    headteacherEmail: data.applicant.headteacher_email,
  };
}

async function ownSchoolPage(c: Context<AppEnv>, form?: { values: FormValues; errors?: FieldErrors; search?: boolean }) {
  const data = await s.getOwnSchoolAndRole(c.get('deps'), requireViewer(c.get('viewer')));
  const values = form?.values ?? currentValues(data);
  const query = (values.schoolQuery ?? '').trim();
  const results = query !== '' && (!form || form.search || form.errors) ? await s.findSchools(c.get('deps'), query) : null;
  const hasErrors = !!form?.errors && Object.keys(form.errors).length > 0;
  return renderPage(
    c,
    {
      title: 'Your school and role',
      hasErrors,
      status: hasErrors ? 400 : 200,
      beforeContent: <BackLink href={`/staff/${data.person.id}`} text="Your staff record" />,
    },
    <OwnSchoolAndRolePage values={values} results={results} errors={form?.errors} saved={!form && c.req.query('saved') === '1'} />,
  );
}
// Only for someone who joined from a school not on Waymark (everyone else: 404).
partnersRoutes.get('/account/school-and-role', access('signed-in'), (c) => ownSchoolPage(c));
partnersRoutes.post('/account/school-and-role', access('signed-in'), async (c) => {
  const values = await readForm(c);
  if (values.action === FIND_SCHOOL) {
    const errors: FieldErrors = (values.schoolQuery ?? '').trim() === '' ? { schoolQuery: 'Enter your school’s name, URN or postcode' } : {};
    return ownSchoolPage(c, { values: { ...values, schoolUrn: '' }, errors: Object.keys(errors).length ? errors : undefined, search: true });
  }
  try {
    await s.changeOwnSchoolAndRole(c.get('deps'), requireViewer(c.get('viewer')), values, c.get('requestId') ?? null);
  } catch (error) {
    if (error instanceof Invalid) return ownSchoolPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect('/account/school-and-role?saved=1', 303);
});
