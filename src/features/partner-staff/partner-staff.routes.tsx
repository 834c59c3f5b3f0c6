import { Hono } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { renderPage } from '../../platform/ui/page';
import * as s from './partner-staff.service';
import { PartnerProgrammesPage, StaffElsewherePage } from './views/pages';

/** Partner organisations' staff: applying to a partner's programme with one account, and the home organisation's view of it. */
export const partnerStaffRoutes = new Hono<AppEnv>();

partnerStaffRoutes.get('/partner-programmes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const cohorts = await s.listPartnerCohorts(c.get('deps'), viewer.organisationId);
  return renderPage(c, { title: 'Partner programmes' }, <PartnerProgrammesPage cohorts={cohorts} organisationName={viewer.organisationName} />);
});

partnerStaffRoutes.post('/partner-programmes/:cohortId/apply', access('signed-in'), async (c) => {
  const id = await s.applyToPartnerCohort(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'));
  return c.redirect(`/applications/${id}`, 303);
});

partnerStaffRoutes.get('/organisation/staff-on-partner-programmes', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getStaffElsewhere(c.get('deps'), viewer);
  return renderPage(c, { title: 'Staff on partner programmes' }, <StaffElsewherePage data={data} organisationName={viewer.organisationName} />);
});
