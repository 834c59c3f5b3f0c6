import { Hono } from 'hono';
import { londonDate } from '../../platform/dates';
import { access, adminSchoolIds, allows } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { renderPage } from '../../platform/ui/page';
import { schoolsAdministered, workQueue } from '../reports';
import { homeSummary } from './home.queries';
import { AccessibilityPage, HomePage } from './views/static-pages';

export const pageRoutes = new Hono<AppEnv>();

pageRoutes.get('/', access('anyone'), async (c) => {
  const viewer = c.get('viewer');
  // Someone signed in to their personal account only (a leaver) has their own record and nothing else.
  if (!viewer) return c.redirect(c.get('personal') ? '/record' : '/sign-in', 303);
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const [summary, waiting, schools] = await Promise.all([
    homeSummary(db, viewer.id, adminSchoolIds(viewer), londonDate(now)),
    workQueue(db, viewer, now),
    schoolsAdministered(db, viewer),
  ]);
  return renderPage(
    c,
    { title: 'Home' },
    <HomePage
      givenName={viewer.givenName}
      organisationName={viewer.organisationName}
      canManagePeople={allows('people-manager', viewer)}
      isStaffAdmin={allows('staff-admin', viewer)}
      isOrgAdmin={allows('org-admin', viewer)}
      isProgrammeLead={allows('programme-lead', viewer)}
      isLineManager={viewer.isLineManager}
      schools={schools}
      personId={viewer.id}
      summary={summary}
      waiting={waiting}
    />,
  );
});

pageRoutes.get('/accessibility', access('anyone'), (c) => renderPage(c, { title: 'Accessibility statement' }, <AccessibilityPage />));

pageRoutes.get('/health', access('anyone'), (c) => c.json({ status: 'ok' }));
