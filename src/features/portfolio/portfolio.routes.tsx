import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Conflict, Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, type FormValues } from '../../platform/http/forms';
import { clientAddress } from '../../platform/http/request';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { MAX_ATTACHMENT_BYTES, parseSkillIds } from './portfolio.schemas';
import * as s from './portfolio.service';
import {
  AnswerDonePage,
  AnswerPage,
  AskPageView,
  AttachmentFormPage,
  EntryFormPage,
  EntryPage,
  PortfolioPage,
  RemoveEntryPage,
  dateToValues,
} from './views/pages';

/** A person's portfolio, and the pages verifiers answer on. Only the owner sees their portfolio; a verifier sees one entry. */
export const portfolioRoutes = new Hono<AppEnv>();

const BANNERS: Record<string, string> = {
  added: 'Entry added',
  saved: 'Your changes are saved',
  cleared: 'Your changes are saved. The entry is no longer verified: ask again if you would like it verified',
  asked: 'Request sent',
  attached: 'Attachment added',
  removed: 'Attachment removed',
  'entry-removed': 'Entry removed',
};

portfolioRoutes.get('/portfolio', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getPortfolio(c.get('deps'), viewer);
  const done = c.req.query('done');
  return renderPage(c, { title: 'Your portfolio' }, <PortfolioPage data={data} banner={done ? BANNERS[done] : undefined} />);
});

// ----- Adding and changing entries -----

async function entryFormPage(
  c: Context<AppEnv>,
  entryId: string | undefined,
  form?: { values: FormValues; ticked: string[]; errors: FieldErrors; status?: 400 | 413 },
) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getEntryForm(c.get('deps'), viewer, entryId);
  const e = data.entry;
  const values: FormValues =
    form?.values ??
    (e
      ? {
          kind: e.kind,
          title: e.title,
          reflection: e.reflection,
          hours: e.hours === null ? '' : String(e.hours),
          projectId: data.projectId ?? '',
          ...dateToValues('startedOn', e.started_on),
          ...dateToValues('endedOn', e.ended_on),
        }
      : {});
  const back = e ? `/portfolio/entries/${e.id}` : '/portfolio';
  return renderPage(
    c,
    {
      title: e ? `Change your entry: ${e.title}` : 'Add an entry to your portfolio',
      hasErrors: !!form,
      status: form?.status,
      beforeContent: <BackLink href={back} text="Back" />,
    },
    <EntryFormPage form={data} values={values} ticked={form?.ticked ?? (e ? parseSkillIds(e.skills) : [])} errors={form?.errors} />,
  );
}

// The new-entry form and the attachment form may carry a 10 MB file (module.ts leaves these paths
// out of the 1 MB limit); a larger body gets the form again with a message, and nothing is stored.
const FORM_ENVELOPE_BYTES = 64 * 1024;
const TOO_LARGE = 'The selected file must be smaller than 10 MB';
const newEntryBodyLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: MAX_ATTACHMENT_BYTES + FORM_ENVELOPE_BYTES,
    onError: () => entryFormPage(c, undefined, { values: {}, ticked: [], errors: { file: TOO_LARGE }, status: 413 }),
  })(c, next),
);
const attachmentBodyLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: MAX_ATTACHMENT_BYTES + FORM_ENVELOPE_BYTES,
    onError: () => attachmentPage(c, { values: {}, errors: { file: TOO_LARGE }, status: 413 }),
  })(c, next),
);

/** A file field with a file in it: a browser sends an empty, nameless file when none was chosen. */
async function chosenFile(file: File | undefined) {
  if (!file || (!file.name && file.size === 0)) return undefined;
  return { fileName: file.name || 'file', bytes: new Uint8Array(await file.arrayBuffer()) };
}

portfolioRoutes.get('/portfolio/new', access('signed-in'), (c) => entryFormPage(c, undefined));
portfolioRoutes.post('/portfolio/new', access('signed-in'), newEntryBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values, list, file } = await readFormWithLists(c);
  const upload = await chosenFile(file('file'));
  const url = (values.url ?? '').trim();
  let id: string;
  try {
    id = await s.createEntry(c.get('deps'), viewer, values, list('skills'), {
      file: upload ? { title: '', file: upload } : undefined,
      link: url ? { title: '', url } : undefined,
    });
  } catch (error) {
    if (error instanceof Invalid) return entryFormPage(c, undefined, { values, ticked: list('skills'), errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/portfolio/entries/${id}?done=added`, 303);
});

portfolioRoutes.get('/portfolio/entries/:entryId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const view = await s.getEntryPage(c.get('deps'), viewer, c.req.param('entryId'));
  const done = c.req.query('done');
  return renderPage(
    c,
    { title: `${view.entry.title}: your portfolio`, beforeContent: <BackLink href="/portfolio" text="Your portfolio" /> },
    <EntryPage view={view} banner={done ? BANNERS[done] : undefined} />,
  );
});

portfolioRoutes.get('/portfolio/entries/:entryId/edit', access('signed-in'), (c) => entryFormPage(c, c.req.param('entryId')));
portfolioRoutes.post('/portfolio/entries/:entryId/edit', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('entryId');
  await s.getEntryForm(c.get('deps'), viewer, id);
  const { values, list } = await readFormWithLists(c);
  let cleared: boolean;
  try {
    cleared = await s.changeEntry(c.get('deps'), viewer, id, values, list('skills'), c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return entryFormPage(c, id, { values, ticked: list('skills'), errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/portfolio/entries/${id}?done=${cleared ? 'cleared' : 'saved'}`, 303);
});

portfolioRoutes.get('/portfolio/entries/:entryId/remove', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const entry = await s.getEntryToRemove(c.get('deps'), viewer, c.req.param('entryId'));
  return renderPage(
    c,
    { title: `Remove your entry: ${entry.title}`, beforeContent: <BackLink href={`/portfolio/entries/${entry.id}`} text="Back" /> },
    <RemoveEntryPage entry={entry} />,
  );
});
portfolioRoutes.post('/portfolio/entries/:entryId/remove', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await s.removeEntry(c.get('deps'), viewer, c.req.param('entryId'), c.get('requestId'));
  return c.redirect('/portfolio?done=entry-removed', 303);
});

// ----- Attachments -----

async function attachmentPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors; status?: 400 | 413 }) {
  const viewer = requireViewer(c.get('viewer'));
  const view = await s.getEntryPage(c.get('deps'), viewer, c.req.param('entryId') ?? '');
  return renderPage(
    c,
    {
      title: `Add a file or a link: ${view.entry.title}`,
      hasErrors: !!form,
      status: form?.status,
      beforeContent: <BackLink href={`/portfolio/entries/${view.entry.id}`} text="Back" />,
    },
    <AttachmentFormPage entry={view.entry} values={form?.values ?? {}} errors={form?.errors} />,
  );
}

portfolioRoutes.get('/portfolio/entries/:entryId/attachments/new', access('signed-in'), (c) => attachmentPage(c));
portfolioRoutes.post('/portfolio/entries/:entryId/attachments', access('signed-in'), attachmentBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('entryId');
  await s.getEntryPage(c.get('deps'), viewer, id);
  const { values, file } = await readFormWithLists(c);
  const upload = await chosenFile(file('file'));
  try {
    if (values.kind === 'file' || upload) {
      if (!upload) return attachmentPage(c, { values, errors: { file: 'Select a file' } });
      await s.addAttachment(c.get('deps'), viewer, id, { title: (values.fileTitle ?? '').trim(), file: upload });
    } else {
      const url = (values.url ?? '').trim();
      if (!url) return attachmentPage(c, { values, errors: { url: 'Enter the link' } });
      await s.addAttachment(c.get('deps'), viewer, id, { title: (values.linkTitle ?? '').trim().slice(0, 200), url });
    }
  } catch (error) {
    if (error instanceof Invalid) return attachmentPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/portfolio/entries/${id}?done=attached`, 303);
});

/** A stored file as a download, never shown in the browser. */
function download(c: Context<AppEnv>, stored: { file: { file_name: string; content_type: string }; bytes: Buffer }) {
  const { file, bytes } = stored;
  const asciiName = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': file.content_type,
    'Content-Length': String(bytes.byteLength),
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

portfolioRoutes.get('/portfolio/entries/:entryId/attachments/:attachmentId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return download(c, await s.readAttachmentFile(c.get('deps'), viewer, c.req.param('entryId'), c.req.param('attachmentId')));
});

portfolioRoutes.post('/portfolio/entries/:entryId/attachments/:attachmentId/remove', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await s.removeAttachment(c.get('deps'), viewer, c.req.param('entryId'), c.req.param('attachmentId'));
  return c.redirect(`/portfolio/entries/${c.req.param('entryId')}?done=removed`, 303);
});

// ----- Asking for verification -----

async function askPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await s.getAskPage(c.get('deps'), viewer, c.req.param('entryId') ?? '');
  return renderPage(
    c,
    {
      title: `Ask someone to verify: ${page.entry.title}`,
      hasErrors: !!form,
      beforeContent: <BackLink href={`/portfolio/entries/${page.entry.id}`} text="Back" />,
    },
    <AskPageView page={page} values={form?.values ?? {}} errors={form?.errors} />,
  );
}
portfolioRoutes.get('/portfolio/entries/:entryId/verification', access('signed-in'), (c) => askPage(c));
portfolioRoutes.post('/portfolio/entries/:entryId/verification', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await s.getAskPage(c.get('deps'), viewer, c.req.param('entryId'));
  const values = await readForm(c);
  try {
    await s.askForVerification(c.get('deps'), viewer, page, values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return askPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/portfolio/entries/${page.entry.id}?done=asked`, 303);
});

// ----- Answering: a colleague signed in, or anyone with the emailed link -----

function answerPage(c: Context<AppEnv>, toAnswer: s.VerificationToAnswer, action: string, form?: { values: FormValues; errors: FieldErrors }) {
  const state = s.answerState(toAnswer.request, c.get('deps').clock.now());
  const title = `Verify an entry in ${toAnswer.owner}’s portfolio`;
  if (state !== 'open') return renderPage(c, { title, status: c.req.method === 'POST' ? 409 : 200 }, <AnswerDonePage owner={toAnswer.owner} state={state} />);
  return renderPage(
    c,
    { title, hasErrors: !!form },
    <AnswerPage toAnswer={toAnswer} action={action} values={form?.values ?? {}} errors={form?.errors} signedIn={!!c.get('viewer')} />,
  );
}

async function answer(c: Context<AppEnv>, toAnswer: s.VerificationToAnswer, action: string, actorId: string | null) {
  const values = await readForm(c);
  try {
    await s.answerRequest(c.get('deps'), toAnswer, values, actorId, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return answerPage(c, toAnswer, action, { values, errors: error.fieldErrors });
    if (error instanceof Conflict) return answerPage(c, toAnswer, action);
    throw error;
  }
  return c.redirect(`${action}?done=1`, 303);
}

function thanksOr(c: Context<AppEnv>, toAnswer: s.VerificationToAnswer, action: string) {
  if (c.req.query('done') === '1' && s.answerState(toAnswer.request, c.get('deps').clock.now()) === 'answered')
    return renderPage(c, { title: 'Thank you: your answer is sent' }, <AnswerDonePage owner={toAnswer.owner} state="thanks" />);
  return answerPage(c, toAnswer, action);
}

portfolioRoutes.get('/portfolio/verifications/:verificationId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const toAnswer = await s.getVerificationForColleague(c.get('deps'), viewer, c.req.param('verificationId'));
  return thanksOr(c, toAnswer, `/portfolio/verifications/${toAnswer.request.id}`);
});
portfolioRoutes.post('/portfolio/verifications/:verificationId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const toAnswer = await s.getVerificationForColleague(c.get('deps'), viewer, c.req.param('verificationId'));
  return answer(c, toAnswer, `/portfolio/verifications/${toAnswer.request.id}`, viewer.id);
});

portfolioRoutes.get('/portfolio/verifications/:verificationId/attachments/:attachmentId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const toAnswer = await s.getVerificationForColleague(c.get('deps'), viewer, c.req.param('verificationId'));
  const read = { viewerId: viewer.id, requestId: c.get('requestId'), ipAddress: clientAddress(c) };
  return download(c, await s.readAttachmentForVerifier(c.get('deps'), toAnswer, c.req.param('attachmentId'), read));
});

portfolioRoutes.get('/portfolio/verify/:verifyToken', access('anyone'), async (c) => {
  const token = c.req.param('verifyToken');
  const toAnswer = await s.openVerificationLink(c.get('deps'), token, clientAddress(c));
  return thanksOr(c, toAnswer, `/portfolio/verify/${token}`);
});
portfolioRoutes.get('/portfolio/verify/:verifyToken/attachments/:attachmentId', access('anyone'), async (c) => {
  const toAnswer = await s.openVerificationLink(c.get('deps'), c.req.param('verifyToken'), clientAddress(c));
  const read = { viewerId: null, requestId: c.get('requestId'), ipAddress: clientAddress(c) };
  return download(c, await s.readAttachmentForVerifier(c.get('deps'), toAnswer, c.req.param('attachmentId'), read));
});
portfolioRoutes.post('/portfolio/verify/:verifyToken', access('anyone'), async (c) => {
  const token = c.req.param('verifyToken');
  const toAnswer = await s.openVerificationLink(c.get('deps'), token, clientAddress(c));
  return answer(c, toAnswer, `/portfolio/verify/${token}`, null);
});
