import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  FileUpload,
  Input,
  InsetText,
  NotificationBanner,
  Radios,
  statusTagParams,
  SummaryList,
  TaskList,
  Textarea,
} from '../../../platform/ui/components';
import { sectionProgress, type AssessedSkill, type CheckpointData, type EvidenceFile, type SectionData } from '../self-assessment.service';
import {
  CHECKPOINT_TITLES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  NOT_SURE,
  NOT_SURE_TEXT,
  ratingText,
  SCALE,
  type SkillAnswer,
} from '../self-assessment.schemas';

/** The form's values from stored answers, for the first visit after "save and come back". */
export function valuesFromAnswers(answers: Map<string, SkillAnswer>): FormValues {
  const values: FormValues = {};
  for (const a of answers.values()) {
    values[`rating-${a.skillId}`] = a.notSure ? NOT_SURE : a.rating === null ? '' : String(a.rating);
    values[`note-${a.skillId}`] = a.note;
    values[`evidence-${a.skillId}`] = a.evidenceUrl;
  }
  return values;
}

function SkillIntro(props: { skill: AssessedSkill }) {
  const s = props.skill;
  return (
    <>
      <h2 class="govuk-heading-m govuk-!-margin-bottom-2">
        {s.code} {s.title}
      </h2>
      {s.description ? <p class="govuk-body">{s.description}</p> : null}
      {s.descriptor ? <InsetText text={`What it looks like at this stage: ${s.descriptor}`} /> : null}
    </>
  );
}

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const evidenceHref = (d: CheckpointData, file: EvidenceFile) => `/enrolments/${d.enrolment.id}/self-assessment/${d.checkpoint}/evidence/${file.id}`;

function FileLink(props: { data: CheckpointData; file: EvidenceFile }) {
  return (
    <a class="govuk-link" href={evidenceHref(props.data, props.file)} download>
      {props.file.fileName} ({fileSize(props.file.sizeBytes)})
    </a>
  );
}

function SkillFields(props: { data: CheckpointData; skill: AssessedSkill; values: FormValues; errors: FieldErrors }) {
  const files = props.data.evidenceFiles.get(props.skill.id) ?? [];
  const s = props.skill;
  return (
    <div class="govuk-!-margin-bottom-8">
      <SkillIntro skill={s} />
      <Radios
        name={`rating-${s.id}`}
        idPrefix={`rating-${s.id}`}
        fieldset={{ legend: { text: `Your rating for ${s.code}`, classes: 'govuk-fieldset__legend--s' } }}
        items={[
          ...SCALE.map((p) => ({ value: String(p.value), text: `${p.value}: ${p.label}`, hint: { text: p.descriptor } })),
          { divider: 'or' },
          { value: NOT_SURE, text: NOT_SURE_TEXT, hint: { text: 'You can say so: it counts as an answer but not as a score' } },
        ]}
        value={props.values[`rating-${s.id}`]}
        errorMessage={errorFor(props.errors, `rating-${s.id}`)}
      />
      <Textarea
        id={`note-${s.id}`}
        name={`note-${s.id}`}
        label={{ text: `Note on ${s.code} (optional)` }}
        hint={{ text: 'Why you chose this rating, or what you want to work on' }}
        rows={3}
        value={props.values[`note-${s.id}`]}
        errorMessage={errorFor(props.errors, `note-${s.id}`)}
      />
      <Input
        id={`evidence-${s.id}`}
        name={`evidence-${s.id}`}
        type="url"
        autocomplete="off"
        spellcheck={false}
        label={{ text: `Link to evidence for ${s.code} (optional)` }}
        hint={{ text: 'A web address starting https://, for example a document in your school’s shared drive' }}
        value={props.values[`evidence-${s.id}`]}
        errorMessage={errorFor(props.errors, `evidence-${s.id}`)}
      />
      {files.length > 0 ? (
        <>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">Files you have attached for {s.code}</h3>
          <ul class="govuk-list">
            {files.map((f) => (
              <li>
                <FileLink data={props.data} file={f} />
              </li>
            ))}
          </ul>
          <Checkboxes
            name="removeEvidence"
            idPrefix={`remove-evidence-${s.id}`}
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: `Remove files from ${s.code}`, classes: 'govuk-fieldset__legend--s govuk-visually-hidden' } }}
            hint={{ text: 'Tick a file to remove it when you save.' }}
            items={files.map((f) => ({ value: f.id, text: `Remove ${f.fileName}` }))}
          />
        </>
      ) : null}
      <FileUpload
        id={`evidenceFile-${s.id}`}
        name={`evidenceFile-${s.id}`}
        label={{ text: `Add a file as evidence for ${s.code} (optional)` }}
        hint={{
          text: `A PDF, Word, Excel or PowerPoint document, or a PNG, JPG or GIF image, smaller than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB. Up to ${MAX_EVIDENCE_FILES} files for each skill.`,
        }}
        errorMessage={errorFor(props.errors, `evidenceFile-${s.id}`)}
      />
    </div>
  );
}

function Heading(props: { data: CheckpointData; title: string }) {
  return (
    <>
      <span class="govuk-caption-l">
        {props.data.enrolment.programme_title}, {props.data.enrolment.cohort_name}
      </span>
      <h1 class="govuk-heading-l">{props.title}</h1>
    </>
  );
}

const sectionHref = (d: CheckpointData, domainId: string) => `/enrolments/${d.enrolment.id}/self-assessment/${d.checkpoint}/${domainId}`;

const SECTION_STATUS = {
  completed: { text: 'Completed' },
  in_progress: { tag: statusTagParams({ text: 'In progress', colour: 'blue' }) },
  not_started: { tag: statusTagParams({ text: 'Not started', colour: 'blue' }) },
};

/** The participant's checkpoint: one task per domain of skills, then submit once every skill has an answer. */
export function CheckpointTasksPage(props: { data: CheckpointData; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const errors = props.errors ?? {};
  const name = CHECKPOINT_TITLES[d.checkpoint];
  const sections = sectionProgress(d.domains, d.answers);
  const answered = sections.reduce((n, s) => n + s.answered, 0);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? (
          <ErrorSummary
            titleText="There is a problem"
            errorList={Object.entries(errors).map(([key, text]) => ({
              text,
              href: key.startsWith('section-') ? sectionHref(d, key.slice('section-'.length)) : '#sections',
            }))}
          />
        ) : null}
        <Heading data={d} title={`${name} self-assessment`} />
        <p class="govuk-body">
          Rate yourself honestly on each skill: it is a starting point for your development, not a test. If you cannot say yet, choose “{NOT_SURE_TEXT}”. Your
          answers are saved as you finish each section, so you can come back later.
        </p>
        <p class="govuk-body" id="sections">
          You have answered {answered} of {d.skills.length} {d.skills.length === 1 ? 'skill' : 'skills'}.
        </p>
        <TaskList
          idPrefix="sections"
          items={sections.map((s) => ({
            title: { text: s.domain.title },
            hint: { text: `${s.answered} of ${s.total} ${s.total === 1 ? 'skill' : 'skills'} answered` },
            href: sectionHref(d, s.domain.id),
            status: SECTION_STATUS[s.status],
          }))}
        />
        <form method="post" action={`/enrolments/${d.enrolment.id}/self-assessment/${d.checkpoint}`} novalidate>
          <p class="govuk-body">When every skill has an answer, submit it. After that it cannot be changed.</p>
          <Button text={`Submit ${name.toLowerCase()} self-assessment`} />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${d.enrolment.id}/self-assessment`}>
            Back to your self-assessment
          </a>
        </p>
      </div>
    </div>
  );
}

/** One domain's skills: a rating, a note, an evidence link and evidence files each; saved as part of the draft. */
export function SectionFormPage(props: { data: SectionData; values: FormValues; errors?: FieldErrors }) {
  const d = props.data;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{CHECKPOINT_TITLES[d.checkpoint]} self-assessment</span>
        <h1 class="govuk-heading-l">{d.domain.title}</h1>
        <form method="post" action={sectionHref(d, d.domain.id)} enctype="multipart/form-data" novalidate>
          {d.domain.skills.map((skill) => (
            <SkillFields data={d} skill={skill} values={props.values} errors={errors} />
          ))}
          <Button text="Save and continue" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${d.enrolment.id}/self-assessment/${d.checkpoint}`}>
            Back to all sections
          </a>
        </p>
      </div>
    </div>
  );
}

function EvidenceLink(props: { url: string }) {
  return (
    <a class="govuk-link" href={props.url} rel="noopener noreferrer">
      {props.url}
    </a>
  );
}

/** A checkpoint read back: submitted (read-only), or not open / not active for the participant. */
export function CheckpointReadPage(props: { data: CheckpointData; banner?: string; only?: string }) {
  const d = props.data;
  const name = CHECKPOINT_TITLES[d.checkpoint];
  const who = d.isParticipant ? 'your' : `${d.enrolment.given_name}’s`;
  const submitted = d.assessment?.status === 'submitted';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <Heading
          data={d}
          title={d.isParticipant ? `${name} self-assessment` : `${d.enrolment.given_name} ${d.enrolment.family_name}: ${name.toLowerCase()} self-assessment`}
        />
        {submitted ? (
          <p class="govuk-body">
            Submitted on {formatDate(d.assessment?.submitted_at)}. It cannot be changed now
            {d.isParticipant ? ': your next checkpoint is where you show how you have moved on' : ''}.
          </p>
        ) : d.opensOn && !d.checkpoints.find((c) => c.checkpoint === d.checkpoint)?.open ? (
          <InsetText text={`The ${name.toLowerCase()} self-assessment opens on ${formatDate(d.opensOn)}.`} />
        ) : (
          <InsetText text={`Your place on the programme is not active, so you cannot fill in ${who} ${name.toLowerCase()} self-assessment.`} />
        )}
        {submitted
          ? d.domains
              .filter((domain) => !props.only || domain.id === props.only)
              .map((domain) => (
                <>
                  <h2 class="govuk-heading-m">{domain.title}</h2>
                  {domain.skills.map((skill) => {
                    const answer = d.answers.get(skill.id);
                    const files = d.evidenceFiles.get(skill.id) ?? [];
                    return (
                      <SummaryList
                        card={{ title: { text: `${skill.code} ${skill.title}`, headingLevel: 3 } }}
                        rows={[
                          { key: { text: 'Rating' }, value: { text: ratingText(answer) } },
                          answer?.note ? { key: { text: 'Note' }, value: { text: answer.note } } : null,
                          answer?.evidenceUrl ? { key: { text: 'Evidence' }, value: { html: <EvidenceLink url={answer.evidenceUrl} /> } } : null,
                          files.length > 0
                            ? {
                                key: { text: files.length === 1 ? 'Evidence file' : 'Evidence files' },
                                value: {
                                  html: (
                                    <ul class="govuk-list">
                                      {files.map((f) => (
                                        <li>
                                          <FileLink data={d} file={f} />
                                        </li>
                                      ))}
                                    </ul>
                                  ),
                                },
                              }
                            : null,
                        ]}
                      />
                    );
                  })}
                </>
              ))
          : null}
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={props.only ? `/enrolments/${d.enrolment.id}/self-assessment/${d.checkpoint}` : `/enrolments/${d.enrolment.id}/self-assessment`}
          >
            {props.only
              ? `Back to the whole ${name.toLowerCase()} self-assessment`
              : d.isParticipant
                ? 'Back to your self-assessment'
                : 'Back to their self-assessment'}
          </a>
        </p>
      </div>
    </div>
  );
}
