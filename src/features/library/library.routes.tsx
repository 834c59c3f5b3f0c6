import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { readForm, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { copyForm, shareForm } from './library.schemas';
import { copyItem, getItem, type ItemPage, listLibrary, shareChoices, shareItem, withdrawItem } from './library.service';
import { ItemView, LibraryPage, SharePage } from './views/pages';

/** The shared library: what organisations on the installation share, copy and withdraw. Who may do what is in library.policy.ts. */
export const libraryRoutes = new Hono<AppEnv>();

const listBanners: Record<string, string> = { withdrawn: 'Withdrawn from the library. Copies already made stay.' };
const itemBanners: Record<string, string> = { shared: 'Shared with every organisation on this installation' };

libraryRoutes.get('/library', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const groups = await listLibrary(c.get('deps'), viewer);
  return renderPage(c, { title: 'Shared library' }, <LibraryPage groups={groups} banner={listBanners[c.req.query('done') ?? '']} />);
});

async function sharePage(c: Context<AppEnv>, values: FormValues, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const choices = await shareChoices(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Share with other organisations', hasErrors: !!errors, status: errors ? 400 : 200, beforeContent: <BackLink href="/library" text="Back" /> },
    <SharePage choices={choices} values={values} errors={errors} />,
  );
}

libraryRoutes.get('/library/share', access('programme-lead'), (c) => sharePage(c, { source: c.req.query('source') ?? '' }));

libraryRoutes.post('/library', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const form = validate(shareForm, values);
  if (!form.ok) return sharePage(c, values, form.errors);
  try {
    const id = await shareItem(c.get('deps'), viewer, form.data, c.get('requestId'));
    return c.redirect(`/library/${id}?done=shared`, 303);
  } catch (error) {
    if (error instanceof Invalid) return sharePage(c, values, error.fieldErrors);
    throw error;
  }
});

async function itemPage(c: Context<AppEnv>, values: FormValues, errors?: FieldErrors, page?: ItemPage) {
  const viewer = requireViewer(c.get('viewer'));
  const shown = page ?? (await getItem(c.get('deps'), viewer, c.req.param('sharedItemId') ?? ''));
  return renderPage(
    c,
    { title: shown.item.name, hasErrors: !!errors, status: errors ? 400 : 200, beforeContent: <BackLink href="/library" text="Back to the library" /> },
    <ItemView page={shown} values={values} errors={errors} banner={itemBanners[c.req.query('done') ?? '']} />,
  );
}

libraryRoutes.get('/library/:sharedItemId', access('programme-lead'), (c) => itemPage(c, {}));

libraryRoutes.post('/library/:sharedItemId/copy', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getItem(c.get('deps'), viewer, c.req.param('sharedItemId'));
  // A withdrawn item can no longer be copied, even by the organisation that shared it.
  if (page.item.withdrawn_at) throw new NotFound();
  const values = await readForm(c);
  const form = validate(copyForm, values);
  if (!form.ok) return itemPage(c, values, form.errors, page);
  try {
    const path = await copyItem(c.get('deps'), viewer, page.item.id, form.data, c.get('requestId'));
    return c.redirect(path, 303);
  } catch (error) {
    if (error instanceof Invalid) return itemPage(c, values, error.fieldErrors, page);
    throw error;
  }
});

libraryRoutes.post('/library/:sharedItemId/withdraw', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await withdrawItem(c.get('deps'), viewer, c.req.param('sharedItemId'), c.get('requestId'));
  return c.redirect('/library?done=withdrawn', 303);
});
