import { Hono, type Context } from 'hono';
import { toCsvFile } from '../../platform/csv';
import { access, isOrgAdmin, requireViewer } from '../../platform/http/access';
import { Invalid } from '../../platform/http/errors';
import { readForm } from '../../platform/http/forms';
import type { AppEnv } from '../../platform/http/env';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  applicationsDownload,
  attendanceDownload,
  type Download,
  myTeam,
  personProgrammes,
  progressDownload,
  reportsIndex,
  rosterDownload,
  schoolProgrammes,
  staffDownload,
  trustTableDownload,
} from './reports.service';
import { PersonProgrammesPage, SchoolProgrammesPage, TeamPage } from './views/people';
import { ReportsPage } from './views/reports';
import { BarriersPage, DiversityPage, ReportSettingsPage, SkillsPage } from './views/counts';
import {
  barriersDownload,
  barriersReport,
  diversityDownload,
  diversityReport,
  saveThreshold,
  skillsDownload,
  skillsReport,
  suppressionThreshold,
} from './reports.diversity';
import { queryFrom } from './reports.filters';
import { MORE_REPORTS, moreReport, moreReportDownload } from './reports.more';
import { MoreReportPage } from './views/more';

/** My team, a person's programmes, a school's programmes, and the programme leads' reports and downloads. */
export const reportRoutes = new Hono<AppEnv>();

/** The report filters in the address (programme, year, school…). */
const reportQuery = (c: Context<AppEnv>) => queryFrom((name) => c.req.query(name));

reportRoutes.get('/team', access('people-manager'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return renderPage(c, { title: 'My team' }, <TeamPage team={await myTeam(c.get('deps'), viewer)} />);
});

reportRoutes.get('/people/:personId/programmes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { person, isOwn, isReport } = await personProgrammes(c.get('deps'), viewer, c.req.param('personId'));
  return renderPage(
    c,
    {
      title: isOwn ? 'Your programmes and progress' : `${person.name}: programmes and progress`,
      beforeContent: isReport ? <BackLink href="/team" text="My team" /> : <BackLink href={`/staff/${person.id}`} text="Staff record" />,
    },
    <PersonProgrammesPage person={person} isOwn={isOwn} />,
  );
});

reportRoutes.get('/schools/:schoolId/programmes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await schoolProgrammes(c.get('deps'), viewer, c.req.param('schoolId'));
  return renderPage(c, { title: `Programmes at ${data.school.name}` }, <SchoolProgrammesPage data={data} />);
});

reportRoutes.get('/reports', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await reportsIndex(c.get('deps'), viewer, reportQuery(c));
  return renderPage(c, { title: 'Reports', hasErrors: Object.keys(data.choices.errors).length > 0 }, <ReportsPage data={data} />);
});

/** A download as a CSV file that opens in Excel: see toCsvFile. */
function csv(c: Context<AppEnv>, download: Download) {
  return c.body(toCsvFile(download.headers, download.rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${download.fileName}"`,
  });
}

reportRoutes.get('/reports/diversity', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await diversityReport(c.get('deps'), viewer, reportQuery(c));
  return renderPage(
    c,
    { title: 'Diversity of the pipeline', hasErrors: Object.keys(data.choices.errors).length > 0, beforeContent: <BackLink href="/reports" text="Reports" /> },
    <DiversityPage data={data} canChangeThreshold={isOrgAdmin(viewer)} />,
  );
});

reportRoutes.get('/reports/diversity/:characteristic/export.csv', access('programme-lead'), async (c) =>
  csv(c, await diversityDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('characteristic'), reportQuery(c))),
);

reportRoutes.get('/reports/barriers', access('programme-lead'), async (c) => {
  const data = await barriersReport(c.get('deps'), requireViewer(c.get('viewer')), reportQuery(c));
  return renderPage(
    c,
    { title: 'Barriers to aspiring', hasErrors: Object.keys(data.choices.errors).length > 0, beforeContent: <BackLink href="/reports" text="Reports" /> },
    <BarriersPage data={data} />,
  );
});

reportRoutes.get('/reports/barriers/export.csv', access('programme-lead'), async (c) =>
  csv(c, await barriersDownload(c.get('deps'), requireViewer(c.get('viewer')), reportQuery(c))),
);

reportRoutes.get('/reports/skills', access('programme-lead'), async (c) => {
  const data = await skillsReport(c.get('deps'), requireViewer(c.get('viewer')), reportQuery(c));
  return renderPage(
    c,
    { title: 'Cohort skill profiles', hasErrors: Object.keys(data.choices.errors).length > 0, beforeContent: <BackLink href="/reports" text="Reports" /> },
    <SkillsPage data={data} />,
  );
});

reportRoutes.get('/reports/skills/export.csv', access('programme-lead'), async (c) =>
  csv(c, await skillsDownload(c.get('deps'), requireViewer(c.get('viewer')), reportQuery(c))),
);

for (const key of MORE_REPORTS) {
  reportRoutes.get(`/reports/${key}`, access('programme-lead'), async (c) => {
    const data = await moreReport(c.get('deps'), requireViewer(c.get('viewer')), key, reportQuery(c));
    return renderPage(
      c,
      { title: data.report.title, hasErrors: Object.keys(data.choices.errors).length > 0, beforeContent: <BackLink href="/reports" text="Reports" /> },
      <MoreReportPage data={data} />,
    );
  });
  reportRoutes.get(`/reports/${key}/:table/export.csv`, access('programme-lead'), async (c) =>
    csv(c, await moreReportDownload(c.get('deps'), requireViewer(c.get('viewer')), key, c.req.param('table'), reportQuery(c))),
  );
}

reportRoutes.get('/reports/settings', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return renderPage(
    c,
    { title: 'Report settings', beforeContent: <BackLink href="/reports/diversity" text="Diversity of the pipeline" /> },
    <ReportSettingsPage threshold={await suppressionThreshold(c.get('deps'), viewer.organisationId)} />,
  );
});

reportRoutes.post('/reports/settings', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  try {
    await saveThreshold(c.get('deps'), viewer, values.threshold);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return renderPage(
      c,
      { title: 'Report settings', hasErrors: true, status: 400, beforeContent: <BackLink href="/reports/diversity" text="Diversity of the pipeline" /> },
      <ReportSettingsPage threshold={await suppressionThreshold(c.get('deps'), viewer.organisationId)} values={values} errors={error.fieldErrors} />,
    );
  }
  return c.redirect('/reports/diversity', 303);
});

reportRoutes.get('/reports/staff/export.csv', access('staff-admin'), async (c) => csv(c, await staffDownload(c.get('deps'), requireViewer(c.get('viewer')))));

reportRoutes.get('/reports/:table/export.csv', access('programme-lead'), async (c) =>
  csv(c, await trustTableDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('table'), reportQuery(c))),
);

reportRoutes.get('/reports/cohorts/:cohortId/roster/export.csv', access('programme-lead'), async (c) =>
  csv(c, await rosterDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'))),
);

reportRoutes.get('/reports/cohorts/:cohortId/attendance/export.csv', access('programme-lead'), async (c) =>
  csv(c, await attendanceDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'))),
);

reportRoutes.get('/reports/cohorts/:cohortId/progress/export.csv', access('programme-lead'), async (c) =>
  csv(c, await progressDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'))),
);

reportRoutes.get('/reports/cohorts/:cohortId/applications/export.csv', access('programme-lead'), async (c) =>
  csv(c, await applicationsDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'))),
);
