import { Button, Details, Input, NotificationBanner, WarningText } from '../../../platform/ui/components';

/** The person's private calendar address, how to subscribe to it, and resetting it. */
export function CalendarPage(props: { feedUrl: string | null; webcalUrl: string | null; banner?: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Your calendar</h1>
        <p class="govuk-body">
          Add your sessions and events to Outlook, Google Calendar or your phone’s calendar. Your calendar program checks for changes: times, places and
          cancellations update there by themselves.
        </p>
        {props.feedUrl ? (
          <>
            <Input
              id="feed-url"
              name="feed-url"
              label={{ text: 'Your calendar address', classes: 'govuk-label--m' }}
              hint={{ text: 'Copy this address into your calendar program' }}
              value={props.feedUrl}
              classes="govuk-!-width-full"
              spellcheck={false}
              attributes={{ readonly: true }}
            />
            {props.webcalUrl ? (
              <p class="govuk-body">
                <a class="govuk-link" href={props.webcalUrl}>
                  Open in your calendar app
                </a>{' '}
                (on a phone or a computer with a calendar app set up).
              </p>
            ) : null}
            <WarningText text="This address is private to you. Anyone who has it can see your sessions, so do not share it." />
            <h2 class="govuk-heading-m">How to add it</h2>
            <Details summaryText="Outlook (on the web, or the new Outlook for Windows)">
              <ol class="govuk-list govuk-list--number">
                <li>Open Calendar and choose “Add calendar”.</li>
                <li>Choose “Subscribe from web”.</li>
                <li>Paste your calendar address, give it a name such as “Waymark”, and choose “Import”.</li>
              </ol>
              <p class="govuk-body">
                In classic Outlook for Windows: Calendar, “Add calendar”, “From internet”, then paste the address. Outlook checks for changes every few hours.
              </p>
            </Details>
            <Details summaryText="Google Calendar">
              <ol class="govuk-list govuk-list--number">
                <li>On a computer, open Google Calendar.</li>
                <li>Next to “Other calendars”, choose the plus sign (+), then “From URL”.</li>
                <li>Paste your calendar address and choose “Add calendar”.</li>
              </ol>
              <p class="govuk-body">Google can take up to a day to show changes. The session page always has the latest time and place.</p>
            </Details>
            <h2 class="govuk-heading-m">Reset the address</h2>
            <p class="govuk-body">
              If you shared the address by mistake, reset it. The old address stops working straight away; add the new one to your calendar program and remove
              the old calendar.
            </p>
            <form method="post" action="/calendar/reset">
              <Button text="Reset the address" classes="govuk-button--warning" />
            </form>
          </>
        ) : (
          <>
            <p class="govuk-body">You do not have a calendar address yet.</p>
            <form method="post" action="/calendar/reset">
              <Button text="Create my calendar address" />
            </form>
          </>
        )}
        <p class="govuk-body">You can also download any single session from its page, as a file to open in your calendar.</p>
      </div>
    </div>
  );
}
