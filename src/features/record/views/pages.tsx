import { formatDate, formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { FormErrors } from '../../../platform/ui/form-parts';
import {
  Button,
  Checkboxes,
  DateInput,
  Input,
  InsetText,
  NotificationBanner,
  Paragraphs,
  PostLink,
  Textarea,
  WarningText,
} from '../../../platform/ui/components';
import { ImpactTable, JUDGEMENTS } from '../../projects';
import { type BundleProgramme, type BundleProject, type BundleRole, roleAt, roleSpan, yourRole } from '../record.bundle';
import { type ComposedRecord, type ImportedItem, itemKey, type MyRecord, type MyShare, type ShareForm, STATEMENT_MAX } from '../record.service';

function dates(from: string, to: string | null): string {
  return to && to !== from ? `${formatDate(from)} to ${formatDate(to)}` : formatDate(from);
}

/** Where an item brought in from a record file came from, and what the check on import found. */
function broughtText(i: ImportedItem): string {
  return i.verified
    ? `Brought from ${i.broughtFrom}, verified on import on ${formatDate(i.importedAt)}.`
    : `Brought from ${i.broughtFrom} on ${formatDate(i.importedAt)}. Could not be verified on import: ${i.reason ?? 'no reason recorded'}`;
}

/** Where a programme or project came from: the organisation's records, or an earlier record file. */
function recordedText(item: { organisation: string; broughtFrom: string | null }): string {
  const recorded = `Recorded by Waymark from ${item.organisation || 'the organisation'}’s records`;
  return item.broughtFrom ? `${recorded}; brought from ${item.broughtFrom}.` : `${recorded}.`;
}

function Row(props: { k: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{props.k}</dt>
      <dd class="govuk-summary-list__value">{props.children}</dd>
    </div>
  );
}

const PROJECT_STATUS: Record<string, string> = {
  in_progress: 'In progress',
  submitted: 'Submitted for assessment',
  met: 'Assessed: met',
  not_yet: 'Assessed: not yet met',
};

/** Where a role came from: the organisation's staff records, or an earlier record file. */
function roleRecordedText(role: BundleRole): string {
  const recorded = `Recorded by Waymark from ${role.organisation || 'the organisation'}’s staff records`;
  return role.broughtFrom ? `${recorded}; brought from ${role.broughtFrom}.` : `${recorded}.`;
}

/** A role held, as a reader reads it: the job at the school, its level, from and to, and where the record came from. */
function RoleItem(props: { role: BundleRole; from: string }) {
  const r = props.role;
  const span = roleSpan(r);
  return (
    <li class="govuk-!-margin-bottom-4">
      <strong>{roleAt(r)}</strong>
      <br />
      {r.jobTitle && r.leadershipLevel ? `${r.leadershipLevel}, ${span}` : `${span.charAt(0).toUpperCase()}${span.slice(1)}`}.
      <br />
      {props.from}
    </li>
  );
}

/** A completed programme: what, when, who ran it, and where the record came from. */
function ProgrammeItem(props: { programme: BundleProgramme; from: string }) {
  const p = props.programme;
  return (
    <li class="govuk-!-margin-bottom-4">
      <strong>
        {p.programme}
        {p.stage ? ` (${p.stage})` : ''}
      </strong>
      <br />
      {p.cohort ? `${p.cohort}, ` : ''}
      {p.startedOn ? `${dates(p.startedOn, p.endedOn)}. ` : ''}
      Completed {p.completedOn ? formatDate(p.completedOn) : ''}
      {p.organisation ? `, run by ${p.organisation}` : ''}.
      <br />
      {props.from}
    </li>
  );
}

/**
 * A project's public summary: its aim, the skills it evidences, its success criteria, each impact
 * measure's baseline, outcomes and target, and the assessment. Never its private working.
 */
function ProjectItem(props: { project: BundleProject; from: string }) {
  const p = props.project;
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <p class="govuk-summary-card__title">{p.title}</p>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <Row k="Aim">
            <Paragraphs text={p.aim} />
          </Row>
          {p.peopleAffected ? <Row k="Who it is for">{p.peopleAffected}</Row> : null}
          {p.skills.length > 0 ? <Row k="Skills it evidences">{p.skills.map((k) => `${k.code} ${k.title}`).join('; ')}</Row> : null}
          {p.criteria.length > 0 ? (
            <Row k="Success criteria">
              <ol class="govuk-list govuk-list--number">
                {p.criteria.map((c) => (
                  <li>{c}</li>
                ))}
              </ol>
            </Row>
          ) : null}
          <Row k="Assessment">
            {p.assessment ? (
              <>
                Assessed on {formatDate(p.assessment.assessedOn)}: {p.assessment.outcome === 'met' ? 'every success criterion met' : 'not yet met'}.
                {p.assessment.criteria.length > 0 ? (
                  <ul class="govuk-list">
                    {p.assessment.criteria.map((c) => (
                      <li>
                        {c.text}: {JUDGEMENTS[c.judgement]}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              `${PROJECT_STATUS[p.status] ?? 'In progress'}; not assessed yet`
            )}
          </Row>
          <Row k="Where it came from">{props.from}</Row>
        </dl>
        {p.measures.length === 0 ? <p class="govuk-body">No impact measures recorded.</p> : p.measures.map((m) => <ImpactTable series={m} />)}
      </div>
    </div>
  );
}

/** The record itself, as a reader sees it: each item says where it came from. */
export function RecordBody(props: { record: ComposedRecord; headingLevel: 'h2' | 'h3' }) {
  const r = props.record;
  const H = props.headingLevel;
  const importedProgrammes = r.imported.flatMap((i) => (i.programme ? [{ item: i, programme: i.programme }] : []));
  const importedProjects = r.imported.flatMap((i) => (i.project ? [{ item: i, project: i.project }] : []));
  const importedRoles = r.imported.flatMap((i) => (i.role ? [{ item: i, role: i.role }] : []));
  const importedOthers = r.imported.filter((i) => i.kind === 'certificate' || i.kind === 'entry');
  return (
    <>
      {r.statement ? (
        <>
          <H class="govuk-heading-m">Personal statement</H>
          <Paragraphs text={r.statement} />
          <p class="govuk-body-s">Written by {r.givenName}.</p>
        </>
      ) : null}
      <H class="govuk-heading-m">Certificates</H>
      {r.certificates.length === 0 ? (
        <p class="govuk-body">No certificates included.</p>
      ) : (
        <ul class="govuk-list">
          {r.certificates.map((c) => (
            <li class="govuk-!-margin-bottom-4">
              <strong>
                {c.programme_title}
                {c.stage ? ` (${c.stage})` : ''}
              </strong>
              <br />
              Completed {formatDate(c.completed_at)}. Issued by {c.issuer_name} on {formatDate(c.issued_at)}.
              {c.revoked_at ? <strong> Revoked by the issuer on {formatDate(c.revoked_at)}.</strong> : null}
              <br />
              <a class="govuk-link" href={`/certificates/${c.code}`}>
                Check this certificate with its issuer<span class="govuk-visually-hidden">: {c.programme_title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <H class="govuk-heading-m">Professional development</H>
      {r.entries.length === 0 ? (
        <p class="govuk-body">No portfolio entries included.</p>
      ) : (
        r.entries.map((e) => (
          <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
              <p class="govuk-summary-card__title">{e.title}</p>
            </div>
            <div class="govuk-summary-card__content">
              <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Kind</dt>
                  <dd class="govuk-summary-list__value">{e.kind}</dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">When</dt>
                  <dd class="govuk-summary-list__value">
                    {dates(e.startedOn, e.endedOn)}
                    {e.hours !== null ? `, ${e.hours} ${e.hours === 1 ? 'hour' : 'hours'}` : ''}
                  </dd>
                </div>
                {e.reflection ? (
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">What changed, and for whom</dt>
                    <dd class="govuk-summary-list__value">
                      <Paragraphs text={e.reflection} />
                    </dd>
                  </div>
                ) : null}
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Where it came from</dt>
                  <dd class="govuk-summary-list__value">
                    {e.source === 'waymark' ? `Recorded by Waymark from ${r.organisationName}’s records` : `Added by ${r.givenName}`}
                  </dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Verified</dt>
                  <dd class="govuk-summary-list__value">
                    {e.verification ? (
                      <>
                        Verified by {e.verification.name}, {e.verification.role ?? e.verification.relationship.toLowerCase()}, {formatDate(e.verification.on)}
                        {e.verification.statement ? <p class="govuk-body govuk-!-margin-top-2">“{e.verification.statement}”</p> : null}
                      </>
                    ) : (
                      'Not verified by anyone else'
                    )}
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        ))
      )}
      {r.roles.length + importedRoles.length > 0 ? (
        <>
          <H class="govuk-heading-m">Roles held</H>
          <ul class="govuk-list">
            {r.roles.map((role) => (
              <RoleItem role={role} from={roleRecordedText(role)} />
            ))}
            {importedRoles.map(({ item, role }) => (
              <RoleItem role={role} from={broughtText(item)} />
            ))}
          </ul>
        </>
      ) : null}
      {r.programmes.length + importedProgrammes.length > 0 ? (
        <>
          <H class="govuk-heading-m">Programmes completed</H>
          <ul class="govuk-list">
            {r.programmes.map((p) => (
              <ProgrammeItem programme={p} from={recordedText(p)} />
            ))}
            {importedProgrammes.map(({ item, programme }) => (
              <ProgrammeItem programme={programme} from={broughtText(item)} />
            ))}
          </ul>
        </>
      ) : null}
      {r.projects.length + importedProjects.length > 0 ? (
        <>
          <H class="govuk-heading-m">Projects and their impact</H>
          {r.projects.map((p) => (
            <ProjectItem project={p} from={recordedText(p)} />
          ))}
          {importedProjects.map(({ item, project }) => (
            <ProjectItem project={project} from={broughtText(item)} />
          ))}
        </>
      ) : null}
      {importedOthers.length > 0 ? (
        <>
          <H class="govuk-heading-m">Brought from other organisations</H>
          <ul class="govuk-list">
            {importedOthers.map((i) => (
              <li class="govuk-!-margin-bottom-4">
                <strong>
                  {i.kind === 'certificate' ? 'Certificate' : i.entry?.kind || 'Entry'}: {i.title}
                </strong>
                <br />
                {i.certificate
                  ? `Issued by ${i.certificate.issuedBy}${i.certificate.completedOn ? `, completed ${formatDate(i.certificate.completedOn)}` : ''}. `
                  : null}
                {i.entry?.verification
                  ? `Verified by ${i.entry.verification.by}${i.entry.verification.on ? `, ${formatDate(i.entry.verification.on)}` : ''}. `
                  : null}
                {i.entry?.whatChanged ? (
                  <>
                    {i.entry.whatChanged}
                    <br />
                  </>
                ) : null}
                {broughtText(i)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The person's own record: choose what it includes, write a statement, and share it. */
export function MyRecordPage(props: { data: MyRecord; banner?: string; values?: FormValues; ticked?: string[]; errors?: FieldErrors }) {
  const d = props.data;
  const ticked = new Set(props.ticked ?? [...d.chosen]);
  const nothingYet = d.certificates.length + d.entries.length + d.programmes.length + d.projects.length + d.roles.length + d.imported.length === 0;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Your leadership record</h1>
        <p class="govuk-body">
          Your record is yours: choose what it shows, share it with a panel by a private link, and download it to take with you. Nobody at{' '}
          {d.record.organisationName} sees it unless you send them a link.
        </p>
        <h2 class="govuk-heading-m">Shared links</h2>
        {d.shares.length === 0 ? (
          <p class="govuk-body">You have not shared your record.</p>
        ) : (
          <ul class="govuk-list">
            {d.shares.map((s) => (
              <li>
                <a class="govuk-link" href={`/record/shares/${s.share.id}`}>
                  {s.share.label}
                </a>{' '}
                ({s.live ? `works until ${formatDate(s.share.expires_on)}` : s.share.revoked_at ? 'revoked' : 'expired'}; viewed {s.views}{' '}
                {s.views === 1 ? 'time' : 'times'})
              </li>
            ))}
          </ul>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href="/record/shares/new">
            Share your record
          </a>
        </p>
        <h2 class="govuk-heading-m">Take your record with you</h2>
        <p class="govuk-body">
          <a class="govuk-link" href="/record/export.json" download="leadership-record.json">
            Download your record (JSON, with your signed certificates)
          </a>
        </p>
        {d.trn ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/record/export.json?trn=yes" download="leadership-record.json">
              Download it with your Teacher Reference Number in the file
            </a>{' '}
            (a school you bring it into checks the file is yours by it; otherwise the file names you only)
          </p>
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href="/record/record.pdf" download="leadership-record.pdf">
            Download your record as a PDF
          </a>
        </p>
        <p class="govuk-body">
          The file holds each certificate’s Open Badges 3.0 credential exactly as it was issued and signed, so anyone can check it with any Open Badges
          verifier, and the rest of what your record shows, signed by {d.record.organisationName}.
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/record/import">
            Bring in a record file from another organisation
          </a>
        </p>
        <h2 class="govuk-heading-m">What your record shows</h2>
        {nothingYet ? (
          <InsetText text="Your record has nothing to show yet. Certificates you are awarded, entries in your portfolio, programmes you complete, your projects and the roles you hold can be added here." />
        ) : null}
        <form method="post" action="/record" novalidate>
          <Checkboxes
            idPrefix="items"
            name="items"
            fieldset={{ legend: { text: 'What to include', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Only what you tick is in your record. You can leave things out of each link you share.' }}
            errorMessage={errorFor(props.errors, 'items')}
            items={[
              ...d.certificates.map((c) => ({
                value: itemKey({ kind: 'certificate', id: c.id }),
                text: `Certificate: ${c.programme_title}`,
                hint: { text: `Issued by ${c.issuer_name}, ${formatDate(c.issued_at)}${c.revoked_at ? ' (revoked)' : ''}` },
                checked: ticked.has(itemKey({ kind: 'certificate', id: c.id })),
              })),
              ...d.entries.map((e) => ({
                value: itemKey({ kind: 'entry', id: e.id }),
                text: `${e.kind}: ${e.title}`,
                hint: { text: e.verification ? `Verified by ${e.verification.name}` : 'Not verified' },
                checked: ticked.has(itemKey({ kind: 'entry', id: e.id })),
              })),
              ...d.programmes.map((p) => ({
                value: itemKey({ kind: 'programme', id: p.id }),
                text: `Programme completed: ${p.programme}${p.stage ? ` (${p.stage})` : ''}`,
                hint: { text: `You completed it on ${formatDate(p.completedOn)}. Recorded by Waymark from ${p.organisation}’s records` },
                checked: ticked.has(itemKey({ kind: 'programme', id: p.id })),
              })),
              ...d.projects.map((p) => ({
                value: itemKey({ kind: 'project', id: p.id }),
                text: `Project: ${p.title}`,
                hint: {
                  text: `${PROJECT_STATUS[p.status] ?? 'In progress'}. Recorded by Waymark from ${p.organisation}’s records. A reader sees your project’s aim, measures and assessment only: never its updates, comments or notes`,
                },
                checked: ticked.has(itemKey({ kind: 'project', id: p.id })),
              })),
              ...d.roles.map((r) => ({
                value: itemKey({ kind: 'role', id: r.id }),
                text: `Role held: ${roleAt(r)}`,
                hint: { text: `${yourRole(r)}. Recorded by Waymark from ${r.organisation}’s staff records` },
                checked: ticked.has(itemKey({ kind: 'role', id: r.id })),
              })),
              ...d.imported.map((i) => ({
                value: itemKey({ kind: 'imported', id: i.id }),
                text: `Brought from ${i.broughtFrom}: ${i.title}`,
                hint: { text: i.verified ? 'Verified on import' : 'Could not be verified on import' },
                checked: ticked.has(itemKey({ kind: 'imported', id: i.id })),
              })),
            ]}
          />
          <Textarea
            id="statement"
            name="statement"
            rows={6}
            label={{ text: 'Personal statement (optional)', classes: 'govuk-label--s' }}
            hint={{ text: `What you would like a reader to know about your leadership, in your own words. Up to ${STATEMENT_MAX} characters.` }}
            value={props.values?.statement ?? d.statement}
            errorMessage={errorFor(props.errors, 'statement')}
          />
          <Button text="Save your record" />
        </form>
        <h2 class="govuk-heading-m">How your record looks to a reader</h2>
        <RecordBody record={d.record} headingLevel="h3" />
      </div>
    </div>
  );
}

/** Making a link: what it is for, when it stops working, and anything left out. */
export function ShareFormPage(props: { form: ShareForm; values: FormValues; leftOut: string[]; errors?: FieldErrors }) {
  const r = props.form.record;
  const v = props.values;
  const left = new Set(props.leftOut);
  const items = [
    r.statement ? { value: 'statement', text: 'Your personal statement', checked: left.has('statement') } : null,
    ...r.certificates.map((c) => ({
      value: itemKey({ kind: 'certificate', id: c.id }),
      text: `Certificate: ${c.programme_title}`,
      checked: left.has(itemKey({ kind: 'certificate', id: c.id })),
    })),
    ...r.entries.map((e) => ({
      value: itemKey({ kind: 'entry', id: e.id }),
      text: `${e.kind}: ${e.title}`,
      checked: left.has(itemKey({ kind: 'entry', id: e.id })),
    })),
    ...r.programmes.map((p) => ({
      value: itemKey({ kind: 'programme', id: p.id }),
      text: `Programme completed: ${p.programme}${p.stage ? ` (${p.stage})` : ''}`,
      checked: left.has(itemKey({ kind: 'programme', id: p.id })),
    })),
    ...r.projects.map((p) => ({
      value: itemKey({ kind: 'project', id: p.id }),
      text: `Project: ${p.title}`,
      checked: left.has(itemKey({ kind: 'project', id: p.id })),
    })),
    ...r.roles.map((role) => ({
      value: itemKey({ kind: 'role', id: role.id }),
      text: `Role held: ${roleAt(role)} (${roleSpan(role)})`,
      checked: left.has(itemKey({ kind: 'role', id: role.id })),
    })),
    ...r.imported.map((i) => ({
      value: itemKey({ kind: 'imported', id: i.id }),
      text: `Brought from ${i.broughtFrom}: ${i.title}`,
      checked: left.has(itemKey({ kind: 'imported', id: i.id })),
    })),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Share your record</h1>
        <p class="govuk-body">
          Anyone with the link can read what it shows, without signing in, until the day you choose or until you revoke it. It shows your record as it is now,
          less anything you leave out. You can see each time it is opened.
        </p>
        <form method="post" action="/record/shares/new" novalidate>
          <Input
            id="label"
            name="label"
            label={{ text: 'What the link is for', classes: 'govuk-label--s' }}
            hint={{ text: 'For you, to tell your links apart. For example, Deputy head application, Oakfield' }}
            value={v.label}
            errorMessage={errorFor(props.errors, 'label')}
          />
          <DateInput
            id="expiresOn"
            namePrefix="expiresOn"
            fieldset={{ legend: { text: 'The last day the link works', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Within a year. For example, 31 1 2027' }}
            values={{ day: v['expiresOn-day'], month: v['expiresOn-month'], year: v['expiresOn-year'] }}
            errorMessage={errorFor(props.errors, 'expiresOn')}
          />
          {items.length > 0 ? (
            <Checkboxes
              idPrefix="leaveOut"
              name="leaveOut"
              fieldset={{ legend: { text: 'Leave anything out? (optional)', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Tick what this reader should not see.' }}
              errorMessage={errorFor(props.errors, 'leaveOut')}
              items={items}
            />
          ) : (
            <p class="govuk-body">Your record shows nothing yet: choose what it includes first.</p>
          )}
          <Button text="Create the link" />
        </form>
      </div>
    </div>
  );
}

/** One of the person's links: the link itself, its state, and who has opened it. */
export function SharePage(props: { view: MyShare; banner?: string }) {
  const { share, live, views, url } = props.view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">Shared link</span>
        <h1 class="govuk-heading-l">{share.label}</h1>
        {live ? (
          <>
            <p class="govuk-body">Send this link to the reader. It works until the end of {formatDate(share.expires_on)}.</p>
            <p class="govuk-body">
              <code class="govuk-!-text-break-word">{url}</code>
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={url}>
                Open the link as a reader sees it
              </a>
            </p>
            <PostLink action={`/record/shares/${share.id}/revoke`} text="Revoke this link" />
          </>
        ) : (
          <WarningText
            text={
              share.revoked_at
                ? `You revoked this link on ${formatDate(share.revoked_at)}. It shows nothing to anyone who opens it.`
                : `This link expired at the end of ${formatDate(share.expires_on)}. It shows nothing to anyone who opens it.`
            }
          />
        )}
        <h2 class="govuk-heading-m">When it was opened</h2>
        {views.length === 0 ? (
          <p class="govuk-body">Nobody has opened it yet.</p>
        ) : (
          <ul class="govuk-list">
            {views.map((v) => (
              <li>
                {formatDateTime(v.viewed_at)}, {v.client}
              </li>
            ))}
          </ul>
        )}
        <p class="govuk-body-s">Waymark keeps only the time and the kind of browser, not who opened it or from where.</p>
      </div>
    </div>
  );
}

/** What a panel sees: the chosen items, printable, with no sign-in. */
export function SharedRecordPage(props: { record: ComposedRecord; expiresOn: string }) {
  const r = props.record;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Leadership record</span>
        <h1 class="govuk-heading-l">{r.personName}</h1>
        <p class="govuk-body">
          {r.givenName} has shared this with you from Waymark. It shows what they chose to include, and each item says where it came from. Each certificate can
          be checked with the organisation that issued it. This link works until the end of {formatDate(props.expiresOn)}.
        </p>
        <RecordBody record={r} headingLevel="h2" />
      </div>
    </div>
  );
}

/** A revoked or expired link: nothing of the record. */
export function LinkGonePage() {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link is no longer available</h1>
        <p class="govuk-body">The person who shared it has revoked it, or it has expired. If you still need to see their record, ask them for a new link.</p>
      </div>
    </div>
  );
}
