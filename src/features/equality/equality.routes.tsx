import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { type FieldErrors, Invalid } from '../../platform/http/errors';
import { type FormValues, readForm } from '../../platform/http/forms';
import { renderPage } from '../../platform/ui/page';
import { getOwnAnswers, removeOwnAnswers, saveOwnAnswers } from './equality.service';
import { EqualityPage } from './views/pages';

/** A person's own equality information: only ever theirs to see, change or remove. */
export const equalityRoutes = new Hono<AppEnv>();

const BANNERS: Record<string, string> = { saved: 'Your equality information is saved', removed: 'Your equality information is removed' };

async function equalityPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const answers = await getOwnAnswers(c.get('deps'), viewer);
  const values: FormValues =
    form?.values ??
    (answers ? Object.fromEntries((['sex', 'ethnicity', 'disability', 'age_band', 'working_pattern'] as const).map((k) => [k, answers[k] ?? ''])) : {});
  const done = c.req.query('done');
  return renderPage(
    c,
    { title: 'Your equality information', hasErrors: !!form, status: form ? 400 : 200 },
    <EqualityPage values={values} errors={form?.errors} savedAt={answers?.updated_at ?? null} banner={done ? BANNERS[done] : undefined} />,
  );
}

equalityRoutes.get('/equality', access('signed-in'), (c) => equalityPage(c));

equalityRoutes.post('/equality', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  try {
    await saveOwnAnswers(c.get('deps'), viewer, values);
  } catch (error) {
    if (error instanceof Invalid) return equalityPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect('/equality?done=saved', 303);
});

equalityRoutes.post('/equality/remove', access('signed-in'), async (c) => {
  await removeOwnAnswers(c.get('deps'), requireViewer(c.get('viewer')));
  return c.redirect('/equality?done=removed', 303);
});
