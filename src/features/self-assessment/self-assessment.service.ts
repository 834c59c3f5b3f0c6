import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { newId } from '../../platform/db/ids';
import { deleteFile, readFile, saveFile, uploadContentType } from '../../platform/files/files';
import { addDays, londonDate } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { coachOfEnrolment, findEnrolmentRecord, type EnrolmentRecord } from '../enrolments';
import { notify } from '../notifications';
import { skillEvidenceOf } from '../portfolio';
import { skillsOfVersion, type VersionDomain } from '../frameworks';
import { canSeeProgramme, findProgramme, programmeFocusSkills, programmeRequirements, type Programme } from '../programmes';
import type { ProgressData } from './progress-chart';
import * as q from './self-assessment.queries';
import { canPlanSelfAssessment, canViewSelfAssessment, isParticipant } from './self-assessment.policy';
import {
  CHECKPOINT_TITLES,
  CHECKPOINTS,
  DEFAULT_OPENS,
  checkEvidenceUrl,
  isAnswered,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  NOT_SURE,
  NOTE_MAX,
  OPENS_RULES,
  parsePlan,
  REQUIRED_BY,
  SCALE,
  type CheckpointPlan,
  type OpensRule,
  type SkillAnswer,
} from './self-assessment.schemas';
import type { Checkpoint, SelfAssessment } from './self-assessment.tables';

// ----- Pure rules -----

/** A skill as the participant rates it, with the level descriptor for the programme's level. */
export interface AssessedSkill {
  id: string;
  code: string;
  title: string;
  description: string;
  /** The framework's descriptor for the programme's level, or ''. */
  descriptor: string;
}
export interface AssessedDomain {
  id: string;
  title: string;
  skills: AssessedSkill[];
}

/** The programme's focus skills from its framework version; every skill of the version when none are chosen. */
export function skillsToAssess(domains: VersionDomain[], focusSkillIds: string[], level: string | null): AssessedDomain[] {
  const focus = new Set(focusSkillIds);
  return domains
    .map((d) => ({
      id: d.id,
      title: d.title,
      skills: d.skills
        .filter((s) => focus.size === 0 || focus.has(s.id))
        .map((s) => ({ id: s.id, code: s.code, title: s.title, description: s.description, descriptor: (level && s.descriptors[level]) || '' })),
    }))
    .filter((d) => d.skills.length > 0);
}

/** The checkpoints a programme uses: the lead's plan, plus any its requirements make compulsory, in order. */
export function checkpointsInUse(plan: CheckpointPlan[], requirementKinds: string[]): (CheckpointPlan & { required: boolean })[] {
  return CHECKPOINTS.flatMap((checkpoint) => {
    const required = requirementKinds.includes(REQUIRED_BY[checkpoint] ?? '-');
    const planned = plan.find((p) => p.checkpoint === checkpoint);
    if (planned) return [{ ...planned, required }];
    return required ? [{ ...DEFAULT_OPENS[checkpoint], required }] : [];
  });
}

/** The day a checkpoint opens for a cohort, or null when it is open as soon as the participant has a place. */
export function opensOn(plan: CheckpointPlan, cohort: { starts_on: string; ends_on: string }): string | null {
  switch (plan.opens) {
    case 'enrolment':
      return null;
    case 'cohort_start':
      return cohort.starts_on;
    case 'halfway': {
      const days = Math.round((Date.parse(`${cohort.ends_on}T12:00:00Z`) - Date.parse(`${cohort.starts_on}T12:00:00Z`)) / 86_400_000);
      return addDays(cohort.starts_on, Math.floor(days / 2));
    }
    case 'weeks_before_end':
      return addDays(cohort.ends_on, -7 * (plan.weeks ?? 1));
  }
}

/** "From the cohort’s start date" / "From 6 weeks before the cohort ends" */
export function describeOpening(plan: CheckpointPlan): string {
  if (plan.opens === 'weeks_before_end') return `From ${plan.weeks ?? 1} ${plan.weeks === 1 ? 'week' : 'weeks'} before the cohort ends`;
  return OPENS_RULES[plan.opens];
}

/**
 * Reads the participant's answers from the form: a rating (1-5 or "not sure yet"), a note and an
 * evidence link per skill. With `submit`, every skill needs an answer. Errors are keyed by field id.
 */
export function readAnswers(skills: AssessedSkill[], values: Record<string, string>, submit: boolean): { answers: SkillAnswer[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers: SkillAnswer[] = [];
  for (const skill of skills) {
    const raw = (values[`rating-${skill.id}`] ?? '').trim();
    const note = (values[`note-${skill.id}`] ?? '').trim();
    const evidenceUrl = (values[`evidence-${skill.id}`] ?? '').trim();
    let rating: number | null = null;
    let notSure = false;
    if (raw === NOT_SURE) notSure = true;
    else if (raw !== '') {
      const point = SCALE.find((p) => String(p.value) === raw);
      if (point) rating = point.value;
      else errors[`rating-${skill.id}`] = `Select a rating for ${skill.code} ${skill.title} from the list`;
    }
    if (submit && !errors[`rating-${skill.id}`] && rating === null && !notSure)
      errors[`rating-${skill.id}`] = `Select a rating for ${skill.code} ${skill.title}, or ‘Not sure yet’`;
    if (note.length > NOTE_MAX) errors[`note-${skill.id}`] = `Your note on ${skill.code} must be ${NOTE_MAX.toLocaleString('en-GB')} characters or fewer`;
    const urlError = checkEvidenceUrl(evidenceUrl);
    if (urlError) errors[`evidence-${skill.id}`] = `${skill.code}: ${urlError}`;
    answers.push({ skillId: skill.id, rating, notSure, note, evidenceUrl });
  }
  return { answers, errors };
}

// ----- Programme leads: the plan -----

async function programmeSkills(db: Executor, programme: Programme): Promise<AssessedDomain[]> {
  if (!programme.framework_version_id) return [];
  const [domains, focus] = await Promise.all([skillsOfVersion(db, programme.framework_version_id), programmeFocusSkills(db, programme.id)]);
  return skillsToAssess(
    domains,
    focus.map((s) => s.id),
    programme.framework_level,
  );
}

/** The programme's checkpoints page: which it uses, when each opens, and the skills assessed. */
export async function getPlanPage(deps: AppDeps, viewer: Viewer, programmeId: string) {
  if (!canPlanSelfAssessment(viewer)) throw new Forbidden();
  const programme = await findProgramme(deps.db, viewer.organisationId, programmeId);
  if (!programme || !canSeeProgramme(viewer, programme)) throw new NotFound();
  const [row, requirements, domains] = await Promise.all([
    q.findPlan(deps.db, programmeId),
    programmeRequirements(deps.db, programmeId),
    programmeSkills(deps.db, programme),
  ]);
  const kinds = requirements.map((r) => r.kind);
  const plan = parsePlan(row?.checkpoints);
  const inUse = checkpointsInUse(plan, kinds);
  const rows = CHECKPOINTS.map((checkpoint) => {
    const used = inUse.find((p) => p.checkpoint === checkpoint);
    return { ...(used ?? DEFAULT_OPENS[checkpoint]), used: !!used, required: kinds.includes(REQUIRED_BY[checkpoint] ?? '-') };
  });
  return { programme, rows, domains, available: !!programme.framework_version_id, chosenByLead: !!row };
}
export type PlanPageData = Awaited<ReturnType<typeof getPlanPage>>;

/**
 * Saves which checkpoints the programme uses and when each opens. Checkpoints its requirements need stay on.
 * `page` is the viewer's `getPlanPage` for the programme, which settles who may do this.
 */
export async function savePlan(
  deps: AppDeps,
  viewer: Viewer,
  page: PlanPageData,
  ticked: string[],
  values: Record<string, string>,
  requestId: string | null,
): Promise<void> {
  const programmeId = page.programme.id;
  const errors: FieldErrors = {};
  const plan: CheckpointPlan[] = [];
  for (const row of page.rows) {
    const used = row.required || ticked.includes(row.checkpoint);
    const opens = values[`opens-${row.checkpoint}`] ?? '';
    const weeksText = (values[`weeks-${row.checkpoint}`] ?? '').trim();
    const name = CHECKPOINT_TITLES[row.checkpoint].toLowerCase();
    if (ticked.some((t) => !(CHECKPOINTS as string[]).includes(t))) errors.checkpoints = 'Select checkpoints from the list';
    if (!used) continue;
    if (!(opens in OPENS_RULES)) {
      errors[`opens-${row.checkpoint}`] = `Select when the ${name} self-assessment opens`;
      continue;
    }
    let weeks: number | null = null;
    if (opens === 'weeks_before_end') {
      if (!/^\d{1,2}$/.test(weeksText) || Number(weeksText) < 1 || Number(weeksText) > 52) {
        errors[`weeks-${row.checkpoint}`] =
          weeksText === ''
            ? `Enter how many weeks before the end the ${name} self-assessment opens`
            : `Weeks before the end for the ${name} self-assessment must be a whole number from 1 to 52`;
        continue;
      }
      weeks = Number(weeksText);
    }
    plan.push({ checkpoint: row.checkpoint, opens: opens as OpensRule, weeks });
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertPlan(trx, {
      programme_id: programmeId,
      checkpoints: JSON.stringify(plan),
      updated_by: viewer.id,
      updated_at: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      action: 'programme_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: programmeId,
      detail: { selfAssessmentCheckpoints: plan },
      requestId,
    });
  });
}

// ----- Participants, coaches and leads: an enrolment's self-assessments -----

interface Context {
  enrolment: EnrolmentRecord;
  programme: Programme;
  domains: AssessedDomain[];
  skills: AssessedSkill[];
  /** The participant's coach (on their application), if they have one. */
  coachId: string | null;
  checkpoints: (CheckpointPlan & { required: boolean; opensOn: string | null; open: boolean })[];
  isParticipant: boolean;
  /** The participant may write: their place is active. */
  canWrite: boolean;
}

async function loadContext(deps: AppDeps, viewer: Viewer, enrolmentId: string): Promise<Context> {
  const enrolment = await findEnrolmentRecord(deps.db, viewer.organisationId, enrolmentId);
  if (!enrolment) throw new NotFound();
  const coachId = await coachOfEnrolment(deps.db, enrolmentId);
  if (!canViewSelfAssessment(viewer, { organisation_id: enrolment.organisation_id, person_id: enrolment.person_id, coach_id: coachId })) throw new NotFound();
  const programme = await findProgramme(deps.db, viewer.organisationId, enrolment.programme_id);
  if (!programme) throw new NotFound();
  const [row, requirements, domains] = await Promise.all([
    q.findPlan(deps.db, programme.id),
    programmeRequirements(deps.db, programme.id),
    programmeSkills(deps.db, programme),
  ]);
  const today = londonDate(deps.clock.now());
  const checkpoints = checkpointsInUse(
    parsePlan(row?.checkpoints),
    requirements.map((r) => r.kind),
  ).map((p) => {
    const on = opensOn(p, enrolment);
    return { ...p, opensOn: on, open: on === null || on <= today };
  });
  const participant = isParticipant(viewer, enrolment);
  return {
    enrolment,
    programme,
    domains,
    skills: domains.flatMap((d) => d.skills),
    coachId,
    checkpoints,
    isParticipant: participant,
    canWrite: participant && enrolment.status === 'active',
  };
}

/** Someone other than the participant read a self-assessment: kept in the audit log (see docs/self-assessment.md). */
async function auditView(deps: AppDeps, viewer: Viewer, context: Context, checkpoint: Checkpoint | null, requestId: string | null) {
  if (context.isParticipant) return;
  await recordAudit(deps.db, deps.clock, {
    action: 'self_assessment_viewed',
    organisationId: context.enrolment.organisation_id,
    actorId: viewer.id,
    subjectType: 'enrolment',
    subjectId: context.enrolment.id,
    personId: context.enrolment.person_id,
    detail: checkpoint ? { checkpoint } : { page: 'progress' },
    requestId,
  });
}

type Answers = Map<string, SkillAnswer>;

function answersOf(ratings: Awaited<ReturnType<typeof q.listRatings>>, assessmentId: string): Answers {
  return new Map(
    ratings
      .filter((r) => r.self_assessment_id === assessmentId)
      .map((r) => [
        r.skill_id,
        {
          skillId: r.skill_id,
          rating: r.rating === null ? null : Number(r.rating),
          notSure: Number(r.not_sure) === 1,
          note: r.note,
          evidenceUrl: r.evidence_url,
        },
      ]),
  );
}

/** The self-assessment page: each checkpoint's state, and progress across submitted checkpoints. */
export async function getOverview(deps: AppDeps, viewer: Viewer, enrolmentId: string, requestId: string | null) {
  const context = await loadContext(deps, viewer, enrolmentId);
  const assessments = await q.listAssessments(deps.db, enrolmentId);
  const ratings = await q.listRatings(
    deps.db,
    assessments.filter((a) => a.status === 'submitted').map((a) => a.id),
  );
  const byCheckpoint = new Map<Checkpoint, SelfAssessment>(assessments.map((a) => [a.checkpoint, a]));
  // A checkpoint submitted before the lead stopped using it still shows.
  const shown = CHECKPOINTS.filter((c) => context.checkpoints.some((p) => p.checkpoint === c) || byCheckpoint.get(c)?.status === 'submitted');
  const tasks = shown.map((checkpoint) => {
    const plan = context.checkpoints.find((p) => p.checkpoint === checkpoint);
    const assessment = byCheckpoint.get(checkpoint);
    return {
      checkpoint,
      required: plan?.required ?? false,
      opensOn: plan?.opensOn ?? null,
      open: plan?.open ?? true,
      status: assessment?.status ?? null,
      submittedAt: assessment?.submitted_at ?? null,
    };
  });
  const submitted = shown.filter((c) => byCheckpoint.get(c)?.status === 'submitted');
  const progress: ProgressData = {
    skills: context.skills,
    checkpoints: submitted,
    answers: new Map(submitted.map((c) => [c, answersOf(ratings, byCheckpoint.get(c)?.id ?? '')])),
  };
  // Per skill, the portfolio entries that evidence it: all of them for the participant, only verified ones for others.
  const evidence = await skillEvidenceOf(
    deps.db,
    context.enrolment.person_id,
    context.skills.map((skill) => skill.id),
    !context.isParticipant,
  );
  await auditView(deps, viewer, context, null, requestId);
  return { ...context, tasks, progress, evidence };
}
export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** A file attached as evidence for a skill. */
export interface EvidenceFile {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/** One checkpoint: the participant's form (or their submitted answers), or a submitted checkpoint for a coach or lead. */
async function loadCheckpoint(deps: AppDeps, viewer: Viewer, enrolmentId: string, checkpoint: Checkpoint) {
  const context = await loadContext(deps, viewer, enrolmentId);
  if (context.skills.length === 0) throw new NotFound();
  const assessment = await q.findAssessment(deps.db, enrolmentId, checkpoint);
  const plan = context.checkpoints.find((p) => p.checkpoint === checkpoint);
  const submitted = assessment?.status === 'submitted';
  // Others see only what the participant has submitted; drafts are theirs alone.
  if (!context.isParticipant && !submitted) throw new NotFound();
  if (context.isParticipant && !submitted && !plan) throw new NotFound();
  const answers = assessment ? answersOf(await q.listRatings(deps.db, [assessment.id]), assessment.id) : new Map<string, SkillAnswer>();
  const evidenceFiles = new Map<string, EvidenceFile[]>();
  for (const f of assessment ? await q.listEvidenceFiles(deps.db, [assessment.id]) : []) {
    evidenceFiles.set(f.skill_id, [...(evidenceFiles.get(f.skill_id) ?? []), { id: f.id, fileName: f.file_name, sizeBytes: Number(f.size_bytes) }]);
  }
  return {
    ...context,
    checkpoint,
    assessment: assessment ?? null,
    answers,
    evidenceFiles,
    opensOn: plan?.opensOn ?? null,
    /** The form is shown: the participant's, open, not submitted, place active. */
    editable: context.canWrite && !submitted && !!plan?.open,
  };
}

/** A checkpoint for whoever may see it; someone other than the participant reading it is audited. */
export async function getCheckpoint(deps: AppDeps, viewer: Viewer, enrolmentId: string, checkpoint: Checkpoint, requestId: string | null) {
  const data = await loadCheckpoint(deps, viewer, enrolmentId, checkpoint);
  await auditView(deps, viewer, data, checkpoint, requestId);
  return data;
}
export type CheckpointData = Awaited<ReturnType<typeof getCheckpoint>>;

/** Who may post to a checkpoint, settled before the form is read: the participant, while it is open and not submitted. */
export async function getWritableCheckpoint(deps: AppDeps, viewer: Viewer, enrolmentId: string, checkpoint: Checkpoint) {
  const context = await loadContext(deps, viewer, enrolmentId);
  if (!context.isParticipant) throw new Forbidden('Only the participant can fill in their self-assessment.');
  const plan = context.checkpoints.find((p) => p.checkpoint === checkpoint);
  if (context.skills.length === 0 || !plan) throw new NotFound();
  if (!context.canWrite) throw new Conflict('Your place on the programme is not active, so you cannot change your self-assessment.');
  if (!plan.open) throw new Conflict(`The ${CHECKPOINT_TITLES[checkpoint].toLowerCase()} self-assessment is not open yet.`);
  return { ...context, plan };
}
export type WritableCheckpoint = Awaited<ReturnType<typeof getWritableCheckpoint>>;

/** One domain of a checkpoint: its form for the participant while open, otherwise read-only (same visibility as the checkpoint). */
export async function getSection(deps: AppDeps, viewer: Viewer, enrolmentId: string, checkpoint: Checkpoint, domainId: string, requestId: string | null) {
  const data = await getCheckpoint(deps, viewer, enrolmentId, checkpoint, requestId);
  const domain = data.domains.find((d) => d.id === domainId);
  if (!domain) throw new NotFound();
  return { ...data, domain };
}
export type SectionData = Awaited<ReturnType<typeof getSection>>;

/** How far the participant has got with each domain of a checkpoint. */
export function sectionProgress(domains: AssessedDomain[], answers: Map<string, SkillAnswer>) {
  return domains.map((domain) => {
    const answered = domain.skills.filter((s) => isAnswered(answers.get(s.id))).length;
    const touched = domain.skills.some((s) => answers.has(s.id));
    return {
      domain,
      answered,
      total: domain.skills.length,
      status: answered === domain.skills.length ? ('completed' as const) : touched ? ('in_progress' as const) : ('not_started' as const),
    };
  });
}

/**
 * Saves the participant's answers for one domain as part of the draft ("save and come back").
 * `context` is the viewer's `getWritableCheckpoint`, which settles who may do this.
 * Bad input throws Invalid and writes nothing. Once submitted, a checkpoint never changes (Conflict).
 */
export async function saveSection(
  deps: AppDeps,
  context: WritableCheckpoint,
  domainId: string,
  values: Record<string, string>,
  files: { uploads?: Map<string, EvidenceUpload>; remove?: string[] } = {},
): Promise<void> {
  const enrolmentId = context.enrolment.id;
  const checkpoint = context.plan.checkpoint;
  const domain = context.domains.find((d) => d.id === domainId);
  if (!domain) throw new NotFound();
  const { answers, errors } = readAnswers(domain.skills, values, false);
  const existing = await q.findAssessment(deps.db, enrolmentId, checkpoint);
  const kept = (existing ? await q.listEvidenceFiles(deps.db, [existing.id]) : []).filter((f) => domain.skills.some((s) => s.id === f.skill_id));
  const remove = (files.remove ?? []).filter((id) => kept.some((f) => f.id === id));
  const uploads: { skillId: string; fileName: string; contentType: string; bytes: Uint8Array }[] = [];
  for (const skill of domain.skills) {
    const upload = files.uploads?.get(skill.id);
    if (!upload) continue;
    const field = `evidenceFile-${skill.id}`;
    const checked = checkEvidenceUpload(upload);
    if (typeof checked === 'string') errors[field] = `${skill.code}: ${checked}`;
    else if (kept.filter((f) => f.skill_id === skill.id && !remove.includes(f.id)).length >= MAX_EVIDENCE_FILES)
      errors[field] = `${skill.code}: You can attach up to ${MAX_EVIDENCE_FILES} files to a skill. Remove one before you add another`;
    else uploads.push({ skillId: skill.id, ...checked, bytes: upload.bytes });
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const assessment = await q.ensureAssessment(trx, { id: newId(), enrolment_id: enrolmentId, checkpoint, now });
    if (!(await q.updateAssessment(trx, assessment.id, 'draft', now)))
      throw new Conflict(`You have already submitted your ${CHECKPOINT_TITLES[checkpoint].toLowerCase()} self-assessment.`);
    await q.replaceRatingsFor(
      trx,
      assessment.id,
      domain.skills.map((s) => s.id),
      answers
        .filter((a) => isAnswered(a) || a.note !== '' || a.evidenceUrl !== '')
        .map((a) => ({ skill_id: a.skillId, rating: a.rating, not_sure: a.notSure ? 1 : 0, note: a.note, evidence_url: a.evidenceUrl })),
    );
    for (const fileId of await q.deleteEvidenceFiles(trx, assessment.id, remove)) await deleteFile(trx, fileId);
    for (const upload of uploads) {
      const fileId = await saveFile(trx, deps.clock, {
        organisationId: context.enrolment.organisation_id,
        fileName: upload.fileName,
        contentType: upload.contentType,
        bytes: upload.bytes,
        createdBy: context.enrolment.person_id,
      });
      await q.insertEvidenceFile(trx, {
        id: newId(),
        self_assessment_id: assessment.id,
        skill_id: upload.skillId,
        file_id: fileId,
        file_name: upload.fileName,
        size_bytes: upload.bytes.byteLength,
        added_at: now,
      });
    }
  });
}

/** A file chosen as evidence: the name it was uploaded with and its bytes. */
export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
}

/** What to store for an evidence file (a safe name and the type its bytes show), or why it can't be. */
export function checkEvidenceUpload(upload: EvidenceUpload): { fileName: string; contentType: string } | string {
  if (upload.bytes.byteLength === 0) return 'The selected file is empty';
  if (upload.bytes.byteLength > MAX_EVIDENCE_BYTES) return 'The selected file must be smaller than 10 MB';
  const contentType = uploadContentType(upload.fileName, upload.bytes);
  if (!contentType) return 'The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image';
  return { fileName: upload.fileName.replace(/[\\/\r\n"]/g, '_').slice(-200), contentType };
}

/**
 * An evidence file, for someone who may see the checkpoint it belongs to (the participant their
 * draft; others only once submitted, and the reading is audited as the checkpoint's is).
 */
export async function readEvidenceFile(
  deps: AppDeps,
  viewer: Viewer,
  enrolmentId: string,
  checkpoint: Checkpoint,
  evidenceId: string,
  requestId: string | null,
) {
  const data = await loadCheckpoint(deps, viewer, enrolmentId, checkpoint);
  const evidence = data.assessment ? (await q.listEvidenceFiles(deps.db, [data.assessment.id])).find((f) => f.id === evidenceId) : undefined;
  if (!evidence) throw new NotFound();
  const stored = await readFile(deps.db, evidence.file_id);
  if (!stored) throw new NotFound();
  if (!data.isParticipant)
    await recordAudit(deps.db, deps.clock, {
      action: 'file_downloaded',
      organisationId: data.enrolment.organisation_id,
      actorId: viewer.id,
      subjectType: 'self_assessment_evidence',
      subjectId: evidence.id,
      personId: data.enrolment.person_id,
      detail: { file: 'self-assessment evidence', fileName: evidence.file_name, enrolmentId, checkpoint },
      requestId,
    });
  return { fileName: evidence.file_name, contentType: stored.file.content_type, bytes: stored.bytes };
}

/**
 * Submits the checkpoint: every skill must have an answer ("not sure yet" counts). Otherwise
 * Invalid, keyed `section-<domainId>`, and nothing changes. After this it is read-only.
 */
export async function submitCheckpoint(deps: AppDeps, viewer: Viewer, enrolmentId: string, checkpoint: Checkpoint, requestId: string | null): Promise<void> {
  const context = await getWritableCheckpoint(deps, viewer, enrolmentId, checkpoint);
  const name = CHECKPOINT_TITLES[checkpoint].toLowerCase();
  await deps.db.transaction().execute(async (trx) => {
    const assessment = await q.findAssessment(trx, enrolmentId, checkpoint);
    if (assessment?.status === 'submitted') throw new Conflict(`You have already submitted your ${name} self-assessment.`);
    const answers = assessment ? answersOf(await q.listRatings(trx, [assessment.id]), assessment.id) : new Map<string, SkillAnswer>();
    const errors: FieldErrors = {};
    for (const section of sectionProgress(context.domains, answers)) {
      const missing = section.total - section.answered;
      if (missing > 0)
        errors[`section-${section.domain.id}`] = `Answer every skill in ${section.domain.title} (${missing} still to do), or choose ‘Not sure yet’`;
    }
    if (!assessment || Object.keys(errors).length > 0)
      throw new Invalid(Object.keys(errors).length > 0 ? errors : { form: 'Answer every skill before you submit' });
    const now = deps.clock.now().toISOString();
    if (!(await q.updateAssessment(trx, assessment.id, 'submitted', now))) throw new Conflict(`You have already submitted your ${name} self-assessment.`);
    await recordAudit(trx, deps.clock, {
      action: 'self_assessment_submitted',
      organisationId: context.enrolment.organisation_id,
      actorId: viewer.id,
      subjectType: 'enrolment',
      subjectId: enrolmentId,
      detail: { checkpoint },
      requestId,
    });
    // The coach can read it, but has no other way to know it is there.
    if (context.coachId && context.coachId !== viewer.id) {
      await notify(trx, deps.clock, {
        personId: context.coachId,
        kind: 'coaching_update',
        subject: `${viewer.givenName} ${viewer.familyName} has submitted their ${name} self-assessment`,
        paragraphs: [
          `${viewer.givenName} ${viewer.familyName} has rated themselves on ${context.programme.title}’s skills at the ${name} checkpoint. As their coach, you can read it and see their progress.`,
        ],
        link: `/enrolments/${enrolmentId}/self-assessment`,
        linkText: 'Read their self-assessment:',
        dedupeKey: `self-assessment-submitted:${enrolmentId}:${checkpoint}`,
      });
    }
  });
}
