import { Hono, type Context } from 'hono';
import { toCsvFile } from '../../platform/csv';
import { access, requireViewer } from '../../platform/http/access';
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

/** My team, a person's programmes, a school's programmes, and the programme leads' reports and downloads. */
export const reportRoutes = new Hono<AppEnv>();

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
  const data = await reportsIndex(c.get('deps'), viewer, { programme: c.req.query('programme'), year: c.req.query('year') });
  return renderPage(c, { title: 'Reports', hasErrors: Object.keys(data.choices.errors).length > 0 }, <ReportsPage data={data} />);
});

/** A download as a CSV file that opens in Excel: see toCsvFile. */
function csv(c: Context<AppEnv>, download: Download) {
  return c.body(toCsvFile(download.headers, download.rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${download.fileName}"`,
  });
}

reportRoutes.get('/reports/staff/export.csv', access('staff-admin'), async (c) => csv(c, await staffDownload(c.get('deps'), requireViewer(c.get('viewer')))));

reportRoutes.get('/reports/:table/export.csv', access('programme-lead'), async (c) =>
  csv(
    c,
    await trustTableDownload(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('table'), {
      programme: c.req.query('programme'),
      year: c.req.query('year'),
    }),
  ),
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
