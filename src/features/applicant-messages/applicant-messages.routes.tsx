import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readFormWithLists, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { messageForm } from './applicant-messages.schemas';
import { getMessagesPage, previewMessage, sendMessage } from './applicant-messages.service';
import { MessagesView, PreviewView } from './views/pages';

/** Messages to all applicants of a round at once. Cohort leads of the cohort's organisation only. */
export const applicantMessageRoutes = new Hono<AppEnv>();

async function messagesPage(c: Context<AppEnv>, values: FormValues, statuses: string[], errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getMessagesPage(c.get('deps'), viewer, c.req.param('cohortId') ?? '');
  const done = c.req.query('sent');
  return renderPage(
    c,
    {
      title: 'Message applicants',
      hasErrors: !!errors,
      status: errors ? 400 : 200,
      beforeContent: <BackLink href={`/cohorts/${page.cohort.id}`} text="Back to the cohort" />,
    },
    <MessagesView
      page={page}
      values={values}
      statuses={statuses}
      errors={errors}
      banner={done && /^\d+$/.test(done) ? `Message sent to ${done === '1' ? '1 person' : `${done} people`}` : undefined}
    />,
  );
}

async function readMessage(c: Context<AppEnv>) {
  const form = await readFormWithLists(c);
  const statuses = form.list('statuses');
  return { values: form.values, statuses, parsed: validate(messageForm, { ...form.values, statuses }) };
}

applicantMessageRoutes.get('/cohorts/:cohortId/messages', access('programme-lead'), (c) => messagesPage(c, {}, []));

applicantMessageRoutes.post('/cohorts/:cohortId/messages/preview', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  // The cohort is checked first, so nobody learns about another organisation's round from the form's errors.
  await getMessagesPage(c.get('deps'), viewer, c.req.param('cohortId'));
  const { values, statuses, parsed } = await readMessage(c);
  if (!parsed.ok) return messagesPage(c, values, statuses, parsed.errors);
  try {
    const preview = await previewMessage(c.get('deps'), viewer, c.req.param('cohortId'), parsed.data);
    return renderPage(
      c,
      { title: 'Check the message', beforeContent: <BackLink href={`/cohorts/${preview.cohort.id}/messages`} text="Back" /> },
      <PreviewView preview={preview} values={values} statuses={statuses} />,
    );
  } catch (error) {
    if (error instanceof Invalid) return messagesPage(c, values, statuses, error.fieldErrors);
    throw error;
  }
});

applicantMessageRoutes.post('/cohorts/:cohortId/messages', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await getMessagesPage(c.get('deps'), viewer, c.req.param('cohortId'));
  const { values, statuses, parsed } = await readMessage(c);
  if (!parsed.ok) return messagesPage(c, values, statuses, parsed.errors);
  try {
    const sent = await sendMessage(c.get('deps'), viewer, c.req.param('cohortId'), parsed.data, c.get('requestId'));
    return c.redirect(`/cohorts/${c.req.param('cohortId')}/messages?sent=${sent}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return messagesPage(c, values, statuses, error.fieldErrors);
    throw error;
  }
});
