import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, Checkboxes, ErrorSummary, NotificationBanner } from '../../../platform/ui/components';
import type { KindSetting } from '../notifications.service';

/** Which emails the viewer gets: must-act kinds listed as always on, the rest as checkboxes. */
export function SettingsPage(props: { settings: KindSetting[]; wanted: string[]; errors?: FieldErrors; saved?: boolean }) {
  const always = props.settings.filter((s) => s.mustAct);
  const choosable = props.settings.filter((s) => !s.mustAct);
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.saved ? <NotificationBanner type="success" text="Your email choices are saved" /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <h1 class="govuk-heading-l">Choose which emails you get</h1>
        <p class="govuk-body">Everything Waymark tells you appears in your notifications. You can choose which of these we also send you by email.</p>
        <h2 class="govuk-heading-m">Emails you always get</h2>
        <p class="govuk-body">You need to do something about these, so we always email you about them. They cannot be switched off.</p>
        <ul class="govuk-list govuk-list--bullet">
          {always.map((s) => (
            <li>
              {s.label}
              {s.hint ? (
                <>
                  {' '}
                  <span class="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{s.hint}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <form method="post" action="/notifications/settings" novalidate>
          <Checkboxes
            idPrefix="email"
            name="email"
            fieldset={{ legend: { text: 'Other emails', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Untick the emails you do not want. They will still appear in your notifications.' }}
            items={choosable.map((s) => ({ value: s.kind, text: s.label, hint: s.hint ? { text: s.hint } : undefined }))}
            values={props.wanted}
            errorMessage={errorFor(errors, 'email')}
          />
          <Button text="Save email choices" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/notifications">
            Back to your notifications
          </a>
        </p>
      </div>
    </div>
  );
}
