import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { readFormWithLists, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { CHECKPOINT_TITLES, checkpointParam, MAX_EVIDENCE_BYTES } from './self-assessment.schemas';
import {
  getCheckpoint,
  getOverview,
  getPlanPage,
  getSection,
  getWritableCheckpoint,
  readEvidenceFile,
  savePlan,
  saveSection,
  submitCheckpoint,
  type EvidenceUpload,
} from './self-assessment.service';
import type { Checkpoint } from './self-assessment.tables';
import { CheckpointReadPage, CheckpointTasksPage, SectionFormPage, valuesFromAnswers } from './views/checkpoint';
import { OverviewPage } from './views/overview';
import { PlanPage, planValues } from './views/plan';

/** Self-assessment against the programme's focus skills. */
export const selfAssessmentRoutes = new Hono<AppEnv>();

/** A form body as text values (last one wins) and as lists, for checkboxes that share a name. */
function checkpointOf(c: Context<AppEnv>): Checkpoint {
  const parsed = checkpointParam.safeParse(c.req.param('checkpoint'));
  if (!parsed.success) throw new NotFound();
  return parsed.data;
}

// ----- Programme leads: which checkpoints a programme uses -----

async function planPage(c: Context<AppEnv>, form?: { values: FormValues; ticked: string[]; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getPlanPage(c.get('deps'), viewer, c.req.param('programmeId') ?? '');
  const saved = planValues(data);
  return renderPage(
    c,
    {
      title: `Self-assessment checkpoints: ${data.programme.title}`,
      hasErrors: !!form,
      beforeContent: <BackLink href={`/programmes/${data.programme.id}`} text="Programme" />,
    },
    <PlanPage
      data={data}
      values={form?.values ?? saved.values}
      ticked={form?.ticked ?? saved.ticked}
      errors={form?.errors}
      banner={c.req.query('done') === 'saved' ? 'Checkpoints saved' : undefined}
    />,
  );
}

selfAssessmentRoutes.get('/programmes/:programmeId/self-assessment', access('programme-lead'), (c) => planPage(c));

selfAssessmentRoutes.post('/programmes/:programmeId/self-assessment', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  // Who may do this is settled before the form is read, so others get 403/404 rather than a form error.
  const page = await getPlanPage(c.get('deps'), viewer, id);
  const { values, list } = await readFormWithLists(c);
  try {
    await savePlan(c.get('deps'), viewer, page, list('checkpoints'), values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return planPage(c, { values, ticked: list('checkpoints'), errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}/self-assessment?done=saved`, 303);
});

// ----- An enrolment's self-assessment -----

selfAssessmentRoutes.get('/enrolments/:enrolmentId/self-assessment', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const overview = await getOverview(c.get('deps'), viewer, c.req.param('enrolmentId'), c.get('requestId'));
  const done = c.req.query('done');
  const banner =
    done === 'submitted' ? 'Self-assessment submitted' : done === 'saved' ? 'Your answers are saved: you can come back and finish later' : undefined;
  const back = overview.isParticipant ? <BackLink href={`/enrolments/${overview.enrolment.id}`} text="My programme" /> : undefined;
  const title = overview.isParticipant
    ? `Your self-assessment: ${overview.enrolment.programme_title}`
    : `${overview.enrolment.given_name} ${overview.enrolment.family_name}: self-assessment`;
  return renderPage(c, { title, beforeContent: back }, <OverviewPage overview={overview} banner={banner} />);
});

async function checkpointPage(c: Context<AppEnv>, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const checkpoint = checkpointOf(c);
  const data = await getCheckpoint(c.get('deps'), viewer, c.req.param('enrolmentId') ?? '', checkpoint, c.get('requestId'));
  const name = CHECKPOINT_TITLES[checkpoint];
  const back = <BackLink href={`/enrolments/${data.enrolment.id}/self-assessment`} text="Self-assessment" />;
  const title = data.isParticipant
    ? `${name} self-assessment: ${data.enrolment.programme_title}`
    : `${data.enrolment.given_name} ${data.enrolment.family_name}: ${name.toLowerCase()} self-assessment`;
  if (!data.editable) return renderPage(c, { title, beforeContent: back }, <CheckpointReadPage data={data} />);
  const banner = c.req.query('done') === 'saved' ? 'Your answers are saved: you can come back and finish later' : undefined;
  return renderPage(
    c,
    { title, hasErrors: !!errors, beforeContent: back },
    <CheckpointTasksPage data={data} errors={errors} banner={errors ? undefined : banner} />,
  );
}

selfAssessmentRoutes.get('/enrolments/:enrolmentId/self-assessment/:checkpoint', access('signed-in'), (c) => checkpointPage(c));

// Submitting: every skill must have an answer.
selfAssessmentRoutes.post('/enrolments/:enrolmentId/self-assessment/:checkpoint', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('enrolmentId');
  const checkpoint = checkpointOf(c);
  try {
    await submitCheckpoint(deps, viewer, id, checkpoint, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return checkpointPage(c, error.fieldErrors);
    throw error;
  }
  return c.redirect(`/enrolments/${id}/self-assessment?done=submitted`, 303);
});

async function sectionPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors; status?: 413 }) {
  const viewer = requireViewer(c.get('viewer'));
  const checkpoint = checkpointOf(c);
  const data = await getSection(c.get('deps'), viewer, c.req.param('enrolmentId') ?? '', checkpoint, c.req.param('skillDomainId') ?? '', c.get('requestId'));
  const name = CHECKPOINT_TITLES[checkpoint];
  const back = <BackLink href={`/enrolments/${data.enrolment.id}/self-assessment/${checkpoint}`} text={`${name} self-assessment`} />;
  const who = data.isParticipant ? '' : `${data.enrolment.given_name} ${data.enrolment.family_name}: `;
  const title = `${who}${data.domain.title}: ${name.toLowerCase()} self-assessment`;
  if (!data.editable) return renderPage(c, { title, beforeContent: back }, <CheckpointReadPage data={data} only={data.domain.id} />);
  return renderPage(
    c,
    { title, hasErrors: !!form, status: form?.status, beforeContent: back },
    <SectionFormPage data={data} values={form?.values ?? valuesFromAnswers(data.answers)} errors={form?.errors} />,
  );
}

selfAssessmentRoutes.get('/enrolments/:enrolmentId/self-assessment/:checkpoint/:skillDomainId', access('signed-in'), (c) => sectionPage(c));

// app.tsx leaves this path out of its 1 MB limit: a section may carry evidence files (10 MB in all,
// plus room for the form around them); a larger body gets the form again with a message.
const FORM_ENVELOPE_BYTES = 64 * 1024;
const sectionBodyLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: MAX_EVIDENCE_BYTES + FORM_ENVELOPE_BYTES,
    onError: async () => {
      await getWritableCheckpoint(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('enrolmentId') ?? '', checkpointOf(c));
      const data = await getSection(
        c.get('deps'),
        requireViewer(c.get('viewer')),
        c.req.param('enrolmentId') ?? '',
        checkpointOf(c),
        c.req.param('skillDomainId') ?? '',
        null,
      );
      const first = data.domain.skills[0]?.id ?? '';
      return sectionPage(c, {
        values: {},
        errors: { [`evidenceFile-${first}`]: 'The selected files must be smaller than 10 MB in all. Add large files one at a time' },
        status: 413,
      });
    },
  })(c, next),
);

// Saving one domain's answers as part of the draft ("save and come back"), with any evidence files.
selfAssessmentRoutes.post('/enrolments/:enrolmentId/self-assessment/:checkpoint/:skillDomainId', access('signed-in'), sectionBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('enrolmentId');
  const checkpoint = checkpointOf(c);
  // Who may do this is settled before the form is read, so others get 403/404 rather than a form error.
  const writable = await getWritableCheckpoint(deps, viewer, id, checkpoint);
  const { values, list, file } = await readFormWithLists(c);
  const uploads = new Map<string, EvidenceUpload>();
  for (const skill of writable.skills) {
    const upload = file(`evidenceFile-${skill.id}`);
    // A browser sends an empty, nameless file when none was chosen.
    if (upload && (upload.name || upload.size > 0)) uploads.set(skill.id, { fileName: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) });
  }
  try {
    await saveSection(deps, writable, c.req.param('skillDomainId'), values, { uploads, remove: list('removeEvidence') });
  } catch (error) {
    if (error instanceof Invalid) return sectionPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/enrolments/${id}/self-assessment/${checkpoint}?done=saved`, 303);
});

// An evidence file, for whoever may see the checkpoint it belongs to.
selfAssessmentRoutes.get('/enrolments/:enrolmentId/self-assessment/:checkpoint/evidence/:evidenceId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const file = await readEvidenceFile(c.get('deps'), viewer, c.req.param('enrolmentId'), checkpointOf(c), c.req.param('evidenceId'), c.get('requestId'));
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
});
