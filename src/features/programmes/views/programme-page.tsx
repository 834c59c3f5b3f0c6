import { formatDate, formatDateRange } from '../../../platform/dates';
import { BulletList, Button, NotificationBanner, Paragraphs, SummaryCard, SummaryList, WarningText } from '../../../platform/ui/components';
import type { CohortSummary, ProgrammePageData } from '../programmes.service';
import { ProgrammeStatusTag } from './status-tag';

function deliveryText(data: ProgrammePageData): string {
  const { programme, modules } = data;
  if (programme.delivery === 'cohort') return 'Cohort-based: you take part with a group, in face-to-face sessions';
  const n = programme.modules_required ?? 1;
  return `Self-directed and modular: you choose ${n} ${n === 1 ? 'module' : 'modules'}${modules.length > 0 ? ` from ${modules.length}` : ''} and complete them at your own pace`;
}

function OpenCohort(props: { cohort: CohortSummary; many: boolean; ineligible: string[] | null }) {
  const c = props.cohort;
  return (
    <SummaryCard title={{ text: c.name, headingLevel: 3 }}>
      <SummaryList
        rows={[
          { key: { text: 'Applications close' }, value: { text: formatDate(c.applications_close_on) } },
          { key: { text: 'Runs' }, value: { text: formatDateRange(c.starts_on, c.ends_on) } },
        ]}
      />
      {props.ineligible ? (
        <p class="govuk-body govuk-!-margin-bottom-0">You cannot apply: your staff record does not meet this programme’s rules. {props.ineligible.join(' ')}</p>
      ) : (
        <form method="post" action={`/cohorts/${c.id}/apply`}>
          <Button
            html={
              props.many ? (
                <>
                  Start your application<span class="govuk-visually-hidden"> for {c.name}</span>
                </>
              ) : undefined
            }
            text={props.many ? undefined : 'Start your application'}
            classes="govuk-!-margin-bottom-0"
          />
        </form>
      )}
    </SummaryCard>
  );
}

export function ProgrammePage(props: { data: ProgrammePageData; banner?: string }) {
  const d = props.data;
  const p = d.programme;
  const base = `/programmes/${p.id}`;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {d.pathway ? (
            <span class="govuk-caption-l">
              Stage {d.pathway.stage} of {d.pathway.of}: {d.pathway.title}
            </span>
          ) : null}
          <h1 class="govuk-heading-l">
            {p.title} {d.isLead && p.status !== 'open' ? <ProgrammeStatusTag status={p.status} /> : null}
          </h1>
          {d.isLead && p.status === 'draft' ? <WarningText text="This programme is a draft: only programme leads can see it." /> : null}
          {d.isLead && p.status === 'archived' ? <WarningText text="This programme is archived: staff cannot see it." /> : null}
          {d.isLead && p.copied_from ? <p class="govuk-body govuk-hint">{p.copied_from}</p> : null}
          <p class="govuk-body-l">{p.summary}</p>

          <h2 class="govuk-heading-m">Who is this for?</h2>
          <Paragraphs text={p.audience} />

          <h2 class="govuk-heading-m">Eligibility</h2>
          {d.hasRules ? (
            <>
              <p class="govuk-body">Waymark checks these against your staff record:</p>
              <BulletList items={d.rules} />
            </>
          ) : (
            <p class="govuk-body">Anyone in the organisation can apply.</p>
          )}
          {d.declarations.length > 0 ? (
            <>
              <p class="govuk-body">When you apply, you will be asked to confirm:</p>
              <BulletList items={d.declarations} />
            </>
          ) : null}

          {d.hasRules && d.eligibility ? (
            <div class="govuk-inset-text">
              <h3 class="govuk-heading-s">Based on your staff record</h3>
              {d.eligibility.eligible ? (
                <p class="govuk-body">You meet the rules for this programme.</p>
              ) : (
                <>
                  <p class="govuk-body">You do not meet the rules for this programme:</p>
                  <BulletList items={d.eligibility.reasons} />
                </>
              )}
              <p class="govuk-body govuk-!-margin-bottom-0">
                Applying uses your staff record. If it is wrong, ask your school admin to change it.{' '}
                <a class="govuk-link" href={`/staff/${d.viewerId}`}>
                  See your staff record
                </a>
              </p>
            </div>
          ) : null}

          <h2 class="govuk-heading-m">About the programme</h2>
          <SummaryList
            rows={[
              p.duration ? { key: { text: 'Duration' }, value: { text: p.duration } } : null,
              { key: { text: 'Delivery' }, value: { text: deliveryText(d) } },
              d.framework
                ? { key: { text: 'Skills framework' }, value: { text: d.framework.level ? `${d.framework.label}: ${d.framework.level}` : d.framework.label } }
                : null,
            ]}
          />
          {p.delivery === 'modular' && d.modules.length > 0 ? (
            <>
              <h3 class="govuk-heading-s">Modules to choose from</h3>
              <ul class="govuk-list govuk-list--bullet">
                {d.modules.map((m) => (
                  <li>
                    <strong>{m.title}</strong>
                    {m.description ? `: ${m.description}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.experiences.length > 0 ? (
            <>
              <h3 class="govuk-heading-s">Linked experiences and activities</h3>
              <BulletList items={d.experiences} />
            </>
          ) : null}
          {d.focusSkills.length > 0 ? (
            <>
              <h3 class="govuk-heading-s">Skills it focuses on</h3>
              <ul class="govuk-list govuk-list--bullet">
                {d.focusSkills.map((s) => (
                  <li>
                    {s.code} {s.title} <span class="govuk-hint govuk-!-display-inline">({s.domain_title})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h2 class="govuk-heading-m">To complete the programme</h2>
          {d.requirements.length === 0 ? (
            <p class="govuk-body">The programme’s requirements have not been set yet.</p>
          ) : (
            <BulletList items={d.requirements.map((r) => r.text)} />
          )}

          {d.pathway && (d.pathway.previous || d.pathway.next) ? (
            <>
              <h2 class="govuk-heading-m">Where it fits: {d.pathway.title}</h2>
              <ul class="govuk-list">
                {d.pathway.previous ? (
                  <li>
                    Before this:{' '}
                    <a class="govuk-link" href={`/programmes/${d.pathway.previous.id}`}>
                      stage {d.pathway.stage - 1}, {d.pathway.previous.title}
                    </a>
                  </li>
                ) : null}
                {d.pathway.next ? (
                  <li>
                    After this:{' '}
                    <a class="govuk-link" href={`/programmes/${d.pathway.next.id}`}>
                      stage {d.pathway.stage + 1}, {d.pathway.next.title}
                    </a>
                  </li>
                ) : null}
              </ul>
            </>
          ) : null}

          <h2 class="govuk-heading-m">Applying</h2>
          {d.cohorts.open.length === 0 ? <p class="govuk-body">No application round is open at the moment.</p> : null}
          {d.cohorts.open.map((c) => (
            <OpenCohort cohort={c} many={d.cohorts.open.length > 1} ineligible={d.eligibility && !d.eligibility.eligible ? d.eligibility.reasons : null} />
          ))}
          {d.cohorts.upcoming.length > 0 ? (
            <>
              <h3 class="govuk-heading-s">Coming up</h3>
              <ul class="govuk-list govuk-list--bullet">
                {d.cohorts.upcoming.map((c) => (
                  <li>
                    {c.name}: applications open on {formatDate(c.applications_open_on)} and close on {formatDate(c.applications_close_on)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.canRecommend ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${base}/recommend`}>
                Recommend a colleague
              </a>{' '}
              for this programme.
            </p>
          ) : null}
        </div>

        {d.isLead ? (
          <div class="govuk-grid-column-one-third">
            <div class="govuk-!-margin-top-6">
              <h2 class="govuk-heading-m" id="manage-heading">
                Manage this programme
              </h2>
              <ul class="govuk-list">
                <li>
                  <a class="govuk-link" href={`${base}/edit`}>
                    Change details
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`${base}/requirements`}>
                    Requirements
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`${base}/skills`}>
                    Focus skills
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`${base}/modules`}>
                    Modules
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`${base}/self-assessment`}>
                    Self-assessment checkpoints
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`/feedback/programmes/${p.id}/pupil-questions`}>
                    360 feedback: questions for pupils
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`${base}/cohorts/new`}>
                    Add a cohort
                  </a>
                </li>
              </ul>
              <h3 class="govuk-heading-s">Cohorts</h3>
              {d.allCohorts.length === 0 ? (
                <p class="govuk-body">None yet.</p>
              ) : (
                <ul class="govuk-list">
                  {d.allCohorts.map((c) => (
                    <li>
                      <a class="govuk-link" href={`/cohorts/${c.id}`}>
                        {c.name}
                      </a>
                      <br />
                      <span class="govuk-hint">Applications {formatDateRange(c.applications_open_on, c.applications_close_on)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}
