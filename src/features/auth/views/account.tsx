import { formatDateTime } from '../../../platform/dates';
import type { Viewer } from '../../../platform/http/env';
import { Button, NotificationBanner, StatusTag, SummaryList, Table } from '../../../platform/ui/components';

export interface SessionSummary {
  id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: string;
  last_seen_at: string;
}

/** "Chrome on Windows" from a user-agent string, or the raw string when unknown. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

export function AccountPage(props: { viewer: Viewer; sessions: SessionSummary[]; ended?: boolean }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.ended ? <NotificationBanner type="success" text="The session has been ended. That device is now signed out." /> : null}
        <h1 class="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: { text: 'Name' }, value: { text: `${props.viewer.givenName} ${props.viewer.familyName}` } },
            { key: { text: 'Email address' }, value: { text: props.viewer.email } },
          ]}
        />
        <p class="govuk-body">
          <a class="govuk-link" href={`/staff/${props.viewer.id}`}>
            See your staff record
          </a>
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/account/personal">
            Personal email and Teacher Reference Number
          </a>{' '}
          (only you see them; your personal email keeps your leadership record yours if you leave)
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/password-reset">
            Change your password
          </a>{' '}
          (we will email you a link)
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/notifications/settings">
            Choose which emails you get
          </a>
        </p>
        <h2 class="govuk-heading-m">Where you are signed in</h2>
        <p class="govuk-body">If you do not recognise a device, end its session and change your password.</p>
        <Table
          caption="Your active sessions"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Device' }, { text: 'Signed in' }, { text: 'Last used' }, { html: <span class="govuk-visually-hidden">Action</span> }]}
          rows={props.sessions.map((session) => {
            const device = describeDevice(session.user_agent);
            const current = session.id === props.viewer.sessionId;
            return [
              {
                html: (
                  <>
                    {device}
                    {session.ip_address ? <span class="waymark-count"> ({session.ip_address})</span> : null}
                    {current ? (
                      <>
                        {' '}
                        <StatusTag text="This device" colour="green" classes="govuk-!-margin-left-2" />
                      </>
                    ) : null}
                  </>
                ),
              },
              { text: formatDateTime(session.created_at) },
              { text: formatDateTime(session.last_seen_at) },
              {
                html: (
                  <form method="post" action={`/account/sessions/${session.id}/end`}>
                    <Button
                      html={
                        <>
                          {current ? 'Sign out' : 'End session'}
                          <span class="govuk-visually-hidden">
                            {' '}
                            on {device}, signed in {formatDateTime(session.created_at)}
                          </span>
                        </>
                      }
                      classes="govuk-button--secondary govuk-!-margin-bottom-0"
                    />
                  </form>
                ),
              },
            ];
          })}
        />
      </div>
    </div>
  );
}
