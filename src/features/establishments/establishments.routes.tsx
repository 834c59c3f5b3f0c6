import { Hono } from 'hono';
import { access } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { renderPage } from '../../platform/ui/page';
import { countSchoolList, searchSchoolList } from './establishments.service';
import { SchoolListPage } from './views/school-list';

/** The national school list: searching it (loading it is the `waymark schools load` command). */
export const establishmentsRoutes = new Hono<AppEnv>();

establishmentsRoutes.get('/school-list', access('signed-in'), async (c) => {
  const { db } = c.get('deps');
  const query = (c.req.query('q') ?? '').trim().slice(0, 100);
  const results = query === '' ? null : await searchSchoolList(db, query);
  return renderPage(
    c,
    { title: query ? `Schools matching “${query}”` : 'Find a school' },
    <SchoolListPage data={{ query, results, total: await countSchoolList(db) }} />,
  );
});
