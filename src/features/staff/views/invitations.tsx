import { Button, InsetText, NotificationBanner, Table } from '../../../platform/ui/components';

export interface UninvitedPerson {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  school_name: string | null;
}

const SHOWN = 100;

/** Who can't sign in yet, and one button to invite them all. */
export function InvitationsPage(props: { people: UninvitedPerson[]; sent?: number; scope: string }) {
  const count = props.people.length;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.sent !== undefined ? (
          <NotificationBanner
            type="success"
            text={`${props.sent === 1 ? '1 invitation' : `${props.sent.toLocaleString('en-GB')} invitations`} sent. Each works for 14 days.`}
          />
        ) : null}
        <h1 class="govuk-heading-l">Invite staff to Waymark</h1>
        <p class="govuk-body">
          Staff need an invitation to choose a password before they can sign in. This page lists {props.scope} who cannot sign in yet and has no invitation that
          still works: people added by an import, and people whose invitation expired.
        </p>
        {count === 0 ? (
          <InsetText text="Everyone can sign in or has an invitation waiting. There is nobody to invite." />
        ) : (
          <>
            <form method="post" action="/staff/invitations">
              <Button text={count === 1 ? 'Send 1 invitation' : `Send ${count.toLocaleString('en-GB')} invitations`} preventDoubleClick />
            </form>
            <Table
              caption={count === 1 ? '1 person to invite' : `${count.toLocaleString('en-GB')} people to invite`}
              captionClasses="govuk-table__caption--m"
              head={[{ text: 'Name' }, { text: 'Email' }, { text: 'School' }]}
              rows={props.people.slice(0, SHOWN).map((person) => [
                {
                  html: (
                    <a class="govuk-link" href={`/staff/${person.id}`}>
                      {person.given_name} {person.family_name}
                    </a>
                  ),
                },
                { text: person.email },
                { text: person.school_name ?? 'Central team' },
              ])}
            />
            {count > SHOWN ? <p class="govuk-body">And {(count - SHOWN).toLocaleString('en-GB')} more.</p> : null}
          </>
        )}
      </div>
    </div>
  );
}
