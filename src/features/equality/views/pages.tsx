import { formatDate, londonDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Details, NotificationBanner, Radios } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { CHARACTERISTICS } from '../equality.schemas';

/** The person's own equality questions, with why they are asked and who sees what. */
export function EqualityPage(props: { values: FormValues; errors?: FieldErrors | undefined; savedAt: string | null; banner?: string | undefined }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Your equality information</h1>
        <p class="govuk-body">
          Your trust wants its leaders to reflect its staff. Telling us about yourself helps it see whether people of every background move into leadership
          development, and where they don’t.
        </p>
        <h2 class="govuk-heading-m">Who sees your answers</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>Only you. Nobody else can see your answers: not your line manager, not your headteacher, not the trust’s administrators.</li>
          <li>
            Reports count answers across groups of people. A count smaller than the trust’s threshold (usually 5) is hidden, and so is anything that would let
            someone work it out.
          </li>
          <li>Every question is optional, and each has “Prefer not to say”.</li>
          <li>You can change your answers or remove them all at any time, here.</li>
        </ul>
        <Details summaryText="Why we ask, and the law">
          <p class="govuk-body">
            The Equality Act 2010 asks schools and trusts to advance equality of opportunity. Ethnicity and disability are special category data under the UK
            GDPR: we keep them because you choose to give them (your explicit consent), and use them only for counts in reports. Removing your answers deletes
            them.
          </p>
        </Details>
        {props.savedAt ? <p class="govuk-body">You last saved your answers on {formatDate(londonDate(new Date(props.savedAt)))}.</p> : null}
        <form method="post" action="/equality" novalidate>
          {CHARACTERISTICS.map((c) => (
            <Radios
              name={c.key}
              idPrefix={c.key}
              fieldset={{ legend: { text: c.question, classes: 'govuk-fieldset__legend--m' } }}
              hint={c.hint ? { text: `${c.hint} Optional.` } : { text: 'Optional.' }}
              classes={Object.keys(c.answers).length > 8 ? 'govuk-radios--small' : undefined}
              items={Object.entries(c.answers).map(([value, text]) => ({ value, text }))}
              value={props.values[c.key]}
              errorMessage={errorFor(props.errors, c.key)}
            />
          ))}
          <Button text="Save your answers" />
        </form>
        {props.savedAt ? (
          <>
            <h2 class="govuk-heading-m">Remove your answers</h2>
            <p class="govuk-body">This deletes all your equality information. Reports will count you as “Not given”.</p>
            <form method="post" action="/equality/remove">
              <Button text="Remove all your answers" classes="govuk-button--warning" />
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
