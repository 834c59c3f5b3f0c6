import { formatDate, formatDateTime, formatTimeRange } from '../../../platform/dates';
import { Button, InsetText, NotificationBanner, Paragraphs, PostLink, SummaryList, Table } from '../../../platform/ui/components';
import type { getCohortSessions, getSessionPage, getUpcomingEvents, getYourSessions } from '../sessions.service';
import { kindName, placeSummary } from './session-text';
import { BookingStatusTag, SessionStatusTags } from './status-tags';

type SessionView = Awaited<ReturnType<typeof getSessionPage>>;

function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function SessionPage(props: { view: SessionView; banner?: string }) {
  const { session, facilitators, materials, skills, isEvent, placesLeft, booking, bookings, canManage, isPast } = props.view;
  const cancelled = session.status === 'cancelled';
  const term = isEvent ? 'event' : 'session';
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <span class="govuk-caption-l">{isEvent ? kindName(session.kind) : `${session.programme_title ?? ''}, ${session.cohort_name ?? ''}`}</span>
      <h1 class="govuk-heading-l">
        {session.title} <SessionStatusTags status={session.status} />
      </h1>
      {cancelled ? (
        <InsetText>
          <p class="govuk-body">
            This {term} was cancelled{session.cancelled_at ? ` on ${formatDate(session.cancelled_at)}` : ''}. The reason given: “{session.cancel_reason}”
          </p>
        </InsetText>
      ) : null}
      {canManage && !cancelled ? (
        <div class="govuk-button-group">
          <Button text={`Change ${term}`} href={`/sessions/${session.id}/edit`} classes="govuk-button--secondary" />
          <Button text={`Cancel ${term}`} href={`/sessions/${session.id}/cancel`} classes="govuk-button--warning" />
          <Button text="Public taster and sign-ups" href={`/sessions/${session.id}/public-taster`} classes="govuk-button--secondary" />
        </div>
      ) : null}
      {props.view.canManageMaterials && !cancelled ? (
        <div class="govuk-button-group">
          <Button text="Take the register" href={`/sessions/${session.id}/register`} classes="govuk-button--secondary" />
          <Button text="Show the check-in code" href={`/sessions/${session.id}/check-in-code`} classes="govuk-button--secondary" />
        </div>
      ) : null}
      {!props.view.canManageMaterials && !cancelled && !isPast && (!isEvent || booking?.status === 'booked') ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/sessions/${session.id}/check-in`}>
            Check in
          </a>{' '}
          with the code the facilitator shows when the {term} starts.
        </p>
      ) : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: { text: 'When' }, value: { text: formatTimeRange(session.starts_at, session.ends_at) } },
              {
                key: { text: 'Where' },
                value:
                  session.mode === 'online' && session.online_url
                    ? {
                        html: (
                          <>
                            Online:{' '}
                            <a class="govuk-link" href={session.online_url} rel="noopener noreferrer">
                              {session.online_url}
                            </a>
                          </>
                        ),
                      }
                    : session.mode === 'online' && isEvent
                      ? { text: 'Online: the joining link is shown here to people with a place' }
                      : { text: placeSummary(session) },
              },
              {
                key: { text: 'Facilitators' },
                value:
                  facilitators.length === 0
                    ? { text: 'None named' }
                    : {
                        html: (
                          <ul class="govuk-list">
                            {facilitators.map((f) => (
                              <li>
                                {f.given_name} {f.family_name}
                                {f.job_title ? `, ${f.job_title}` : ''}
                              </li>
                            ))}
                          </ul>
                        ),
                      },
              },
              skills.length > 0 && {
                key: { text: 'Skill focus' },
                value: {
                  html: (
                    <ul class="govuk-list">
                      {skills.map((s) => (
                        <li>
                          {s.code} {s.title}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              },
              isEvent && {
                key: { text: 'Places' },
                value: {
                  text: placesLeft === null ? 'No limit' : placesLeft === 0 ? `Full (${session.capacity} places)` : `${placesLeft} of ${session.capacity} left`,
                },
              },
            ]}
          />
          {session.description ? (
            <>
              <h2 class="govuk-heading-m">About this {term}</h2>
              <Paragraphs text={session.description} />
            </>
          ) : null}
          {isEvent ? <BookingSection view={props.view} /> : null}
          <h2 class="govuk-heading-m">Materials</h2>
          {materials.length === 0 ? (
            <p class="govuk-body">No materials yet.</p>
          ) : (
            <ul class="govuk-list">
              {materials.map((m) => (
                <li>
                  {m.url ? (
                    <a class="govuk-link" href={m.url} rel="noopener noreferrer">
                      {m.title}
                    </a>
                  ) : (
                    <a class="govuk-link" href={`/sessions/${session.id}/materials/${m.id}`} download>
                      {m.title}
                    </a>
                  )}
                  {m.file_name ? ` (${m.file_name}, ${fileSize(m.size_bytes)})` : ' (link)'}
                  {props.view.canManageMaterials ? (
                    <PostLink
                      action={`/sessions/${session.id}/materials/${m.id}/remove`}
                      text="Remove"
                      visuallyHiddenText={m.title}
                      classes="govuk-!-display-inline govuk-!-margin-left-2"
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {props.view.canManageMaterials ? (
            <Button text="Add materials" href={`/sessions/${session.id}/materials/new`} classes="govuk-button--secondary" />
          ) : null}
          {canManage && isEvent ? (
            <>
              <h2 class="govuk-heading-m">Bookings</h2>
              {bookings.length === 0 ? (
                <p class="govuk-body">Nobody has booked yet.</p>
              ) : (
                <Table
                  caption="People booked, then the waiting list in order"
                  captionClasses="govuk-table__caption--s"
                  head={[{ text: 'Name' }, { text: 'School' }, { text: 'Status' }]}
                  rows={bookings.map((b) => [
                    { text: `${b.given_name} ${b.family_name}` },
                    { text: b.school_name ?? '' },
                    { text: b.status === 'booked' ? 'Booked' : `Waiting since ${formatDateTime(b.waiting_since)}` },
                  ])}
                />
              )}
            </>
          ) : null}
          <p class="govuk-body govuk-!-margin-top-6">
            <a class="govuk-link" href={`/sessions/${session.id}/calendar.ics`}>
              Add this {term} to your calendar (.ics file)
            </a>
          </p>
          {isPast && !cancelled ? <p class="govuk-body">This {term} has finished.</p> : null}
        </div>
      </div>
    </>
  );
}

function BookingSection(props: { view: SessionView }) {
  const { session, booking, placesLeft, isPast, waitingPosition } = props.view;
  if (session.status === 'cancelled' || isPast) {
    return booking ? <p class="govuk-body">You {booking.status === 'booked' ? 'had a place' : 'were on the waiting list'}.</p> : null;
  }
  return (
    <>
      <h2 class="govuk-heading-m">Your place</h2>
      {booking?.status === 'booked' ? (
        <>
          <p class="govuk-body">
            <BookingStatusTag status="booked" /> You have a place.
          </p>
          <form method="post" action={`/sessions/${session.id}/booking/cancel`}>
            <Button text="Cancel my place" classes="govuk-button--secondary" />
          </form>
        </>
      ) : booking?.status === 'waiting' ? (
        <>
          <p class="govuk-body">
            <BookingStatusTag status="waiting" /> You are on the waiting list{waitingPosition ? ` (number ${waitingPosition})` : ''}. If a place becomes free,
            it is offered to the people waiting in the order they joined, and we will tell you if it is yours.
          </p>
          <form method="post" action={`/sessions/${session.id}/booking/cancel`}>
            <Button text="Leave the waiting list" classes="govuk-button--secondary" />
          </form>
        </>
      ) : (
        <form method="post" action={`/sessions/${session.id}/book`}>
          <p class="govuk-body">
            {placesLeft === 0 ? 'This event is full. You can join the waiting list.' : 'Book a place to add it to your sessions and calendar.'}
          </p>
          <Button text={placesLeft === 0 ? 'Join the waiting list' : 'Book a place'} />
        </form>
      )}
    </>
  );
}

type YourSessions = Awaited<ReturnType<typeof getYourSessions>>;

function SessionTable(props: { caption: string; rows: YourSessions['upcoming'] }) {
  return (
    <Table
      caption={props.caption}
      captionClasses="govuk-table__caption--m"
      head={[{ text: 'Session' }, { text: 'When' }, { text: 'Where' }]}
      rows={props.rows.map((s) => [
        {
          html: (
            <>
              <a class="govuk-link" href={`/sessions/${s.id}`}>
                {s.title}
              </a>
              <br />
              <span class="govuk-hint govuk-!-font-size-16">{s.cohort_id ? `${s.programme_title ?? ''}, ${s.cohort_name ?? ''}` : kindName(s.kind)}</span>{' '}
              <SessionStatusTags status={s.status} booking={s.booking_status} facilitating={s.facilitating} />
            </>
          ),
        },
        { text: formatTimeRange(s.starts_at, s.ends_at) },
        { text: placeSummary(s) },
      ])}
    />
  );
}

export function YourSessionsPage(props: { sessions: YourSessions; calendarHref?: string }) {
  const { upcoming, past } = props.sessions;
  return (
    <>
      <h1 class="govuk-heading-l">Your sessions</h1>
      <p class="govuk-body">
        Sessions of the programmes you take part in, events you have booked and sessions you facilitate. Times are UK time.{' '}
        <a class="govuk-link" href="/events">
          See open events you can book
        </a>{' '}
        or{' '}
        <a class="govuk-link" href="/calendar">
          see your sessions in Outlook or Google Calendar
        </a>
        .
      </p>
      {upcoming.length === 0 ? <p class="govuk-body">You have no sessions coming up.</p> : <SessionTable caption="Coming up" rows={upcoming} />}
      {past.length > 0 ? <SessionTable caption="Past sessions" rows={past} /> : null}
    </>
  );
}

type Events = Awaited<ReturnType<typeof getUpcomingEvents>>;

export function EventsPage(props: { events: Events; canCreate: boolean; banner?: string }) {
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Events</h1>
      <p class="govuk-body">Taster sessions, network meetings and ceremonies open to all staff. Times are UK time.</p>
      {props.canCreate ? <Button text="Add an event" href="/events/new" classes="govuk-button--secondary" /> : null}
      {props.events.length === 0 ? (
        <p class="govuk-body">There are no events coming up.</p>
      ) : (
        props.events.map((e) => (
          <SummaryList
            card={{
              title: {
                html: (
                  <>
                    <a class="govuk-link" href={`/sessions/${e.id}`}>
                      {e.title}
                    </a>{' '}
                    <SessionStatusTags status={e.status} booking={e.booking_status} />
                  </>
                ),
              },
            }}
            rows={[
              { key: { text: 'What' }, value: { text: kindName(e.kind) } },
              { key: { text: 'When' }, value: { text: formatTimeRange(e.starts_at, e.ends_at) } },
              { key: { text: 'Where' }, value: { text: placeSummary(e) } },
              {
                key: { text: 'Places' },
                value: {
                  text:
                    e.capacity === null
                      ? 'No limit'
                      : e.booked >= e.capacity
                        ? 'Full: join the waiting list'
                        : `${e.capacity - e.booked} of ${e.capacity} left`,
                },
              },
            ]}
          />
        ))
      )}
    </>
  );
}

type CohortSessions = Awaited<ReturnType<typeof getCohortSessions>>;

export function CohortSessionsPage(props: { data: CohortSessions; banner?: string }) {
  const { cohort, sessions } = props.data;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <span class="govuk-caption-l">
        {cohort.programme_title}, {cohort.name}
      </span>
      <h1 class="govuk-heading-l">Sessions</h1>
      <Button text="Add a session" href={`/cohorts/${cohort.id}/sessions/new`} />
      {sessions.length === 0 ? (
        <p class="govuk-body">This cohort has no sessions yet.</p>
      ) : (
        <Table
          caption="Sessions in date order (UK time)"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Session' }, { text: 'When' }, { text: 'Where' }, { text: 'Facilitators' }]}
          rows={sessions.map((s) => [
            {
              html: (
                <>
                  <a class="govuk-link" href={`/sessions/${s.id}`}>
                    {s.title}
                  </a>{' '}
                  <SessionStatusTags status={s.status} />
                </>
              ),
            },
            { text: formatTimeRange(s.starts_at, s.ends_at) },
            { text: placeSummary(s) },
            { text: s.facilitators.map((f) => `${f.given_name} ${f.family_name}`).join(', ') || 'None named' },
          ])}
        />
      )}
    </>
  );
}
