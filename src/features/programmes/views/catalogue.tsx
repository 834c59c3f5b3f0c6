import { formatDate } from '../../../platform/dates';
import { Button, NotificationBanner } from '../../../platform/ui/components';
import type { Catalogue } from '../programmes.service';
import { ProgrammeStatusTag } from './status-tag';

type Entry = Catalogue['standalone'][number];

function Rounds(props: { entry: Entry }) {
  const { open, upcoming } = props.entry;
  if (open.length === 0 && upcoming.length === 0) return <p class="govuk-body govuk-hint">No application round is open at the moment.</p>;
  return (
    <ul class="govuk-list">
      {open.map((c) => (
        <li>
          <strong>{c.name}:</strong> applications open until {formatDate(c.applications_close_on)}
        </li>
      ))}
      {upcoming.map((c) => (
        <li>
          {c.name}: applications open on {formatDate(c.applications_open_on)}
        </li>
      ))}
    </ul>
  );
}

function ProgrammeEntry(props: { entry: Entry; stage?: number; isLead: boolean; headingLevel: 'h3' | 'h2' }) {
  const e = props.entry;
  const Heading = props.headingLevel;
  return (
    <div class="govuk-!-margin-bottom-6">
      <Heading class="govuk-heading-s govuk-!-margin-bottom-1">
        {props.stage !== undefined ? (
          <>
            <span class="govuk-caption-m govuk-!-font-size-16">Stage {props.stage}</span>{' '}
          </>
        ) : null}
        <a class="govuk-link" href={`/programmes/${e.id}`}>
          {e.title}
        </a>{' '}
        {props.isLead && e.status !== 'open' ? <ProgrammeStatusTag status={e.status} /> : null}
      </Heading>
      <p class="govuk-body govuk-!-margin-bottom-1">{e.summary}</p>
      {e.audience ? (
        <p class="govuk-body govuk-!-margin-bottom-1">
          <strong>Who it is for:</strong> {e.audience.length > 280 ? `${e.audience.slice(0, 277).trimEnd()}…` : e.audience}
        </p>
      ) : null}
      <Rounds entry={e} />
    </div>
  );
}

export function CataloguePage(props: { catalogue: Catalogue; banner?: string }) {
  const { pathways, standalone, isLead } = props.catalogue;
  const empty = pathways.length === 0 && standalone.length === 0;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Programmes</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body-l">Leadership programmes you can apply for, from a first leadership role to headship.</p>
          <div class="govuk-inset-text">
            <p class="govuk-body">Not sure which programme suits you? Answer three short questions to see which ones you can apply for.</p>
            <Button text="Is this for me?" href="/programmes/is-this-for-me" isStartButton classes="govuk-!-margin-bottom-0" />
          </div>
          {isLead ? (
            <div class="govuk-button-group">
              <Button text="Add a programme" href="/programmes/new" classes="govuk-button--secondary" />
              <a class="govuk-link" href="/pathways">
                Manage pathways
              </a>
            </div>
          ) : null}
          {empty ? <p class="govuk-body">There are no programmes open at the moment.</p> : null}
          {pathways.map((pathway) => (
            <section class="govuk-!-margin-bottom-8" aria-labelledby={`pathway-${pathway.id}`}>
              <h2 class="govuk-heading-m" id={`pathway-${pathway.id}`}>
                {pathway.title}
              </h2>
              {pathway.summary ? <p class="govuk-body">{pathway.summary}</p> : null}
              {pathway.programmes.map((entry, i) => (
                <ProgrammeEntry entry={entry} stage={i + 1} isLead={isLead} headingLevel="h3" />
              ))}
            </section>
          ))}
          {standalone.length > 0 ? (
            <section aria-labelledby="standalone">
              <h2 class="govuk-heading-m" id="standalone">
                {pathways.length > 0 ? 'Other programmes' : 'All programmes'}
              </h2>
              {standalone.map((entry) => (
                <ProgrammeEntry entry={entry} isLead={isLead} headingLevel="h3" />
              ))}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
