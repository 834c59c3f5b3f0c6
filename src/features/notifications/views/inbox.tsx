import { keysetLinks } from '../../../platform/db/keyset';
import { formatDateTime } from '../../../platform/dates';
import { Button, NotificationBanner, Pagination, StatusTag } from '../../../platform/ui/components';
import type { Inbox } from '../notifications.service';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The viewer's notifications, newest first; unread ones tagged, each opened (and marked read) through a form. */
export function InboxPage(props: { inbox: Inbox; done?: 'all-read' }) {
  const { notifications, total, unread, position, pageSize } = props.inbox;
  // Previous and next by keyset (before the first notification shown, after the last).
  const { previous, next } = keysetLinks({ rows: notifications, total, position }, pageSize, (from) =>
    from ? `/notifications?${'after' in from ? 'after' : 'before'}=${encodeURIComponent('after' in from ? from.after : from.before)}` : '/notifications',
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.done === 'all-read' ? <NotificationBanner type="success" text="All your notifications are marked as read" /> : null}
        <h1 class="govuk-heading-l">Notifications</h1>
        <p class="govuk-body">
          {total === 0
            ? 'You have no notifications yet. When something needs your attention, it will appear here and we will email you.'
            : unread === 0
              ? 'You have read all your notifications.'
              : `You have ${plural(unread, 'unread notification', 'unread notifications')}.`}
        </p>
        <div class="govuk-button-group">
          {unread > 0 ? (
            <form method="post" action="/notifications/read-all">
              <Button text="Mark all as read" classes="govuk-button--secondary" />
            </form>
          ) : null}
          <a class="govuk-link" href="/notifications/settings">
            Choose which emails you get
          </a>
        </div>
        {notifications.map((n) => {
          const isUnread = !n.read_at;
          return (
            <div class="govuk-!-margin-bottom-6">
              <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                {isUnread ? (
                  <>
                    <StatusTag text="Unread" colour="blue" classes="govuk-!-margin-right-1" />{' '}
                  </>
                ) : null}
                {n.subject}
              </h2>
              <p class="govuk-body-s waymark-count govuk-!-margin-bottom-3">
                <time datetime={n.created_at}>{formatDateTime(n.created_at)}</time>
                {n.emailed ? null : ' (not emailed)'}
              </p>
              {n.body.split('\n\n').map((paragraph) => (
                <p class="govuk-body waymark-email-body">{paragraph}</p>
              ))}
              {n.link || isUnread ? (
                <form method="post" action={`/notifications/${n.id}/read`} class="govuk-body">
                  <button type="submit" class="waymark-link-button">
                    {n.link ? 'Open' : 'Mark as read'}
                    <span class="govuk-visually-hidden">: {n.subject}</span>
                  </button>
                </form>
              ) : null}
            </div>
          );
        })}
        {total > pageSize ? (
          <p class="govuk-body waymark-count" role="status">
            Showing {position + 1} to {position + notifications.length} of {total} notifications
          </p>
        ) : null}
        {previous || next ? <Pagination previous={previous} next={next} /> : null}
      </div>
    </div>
  );
}
