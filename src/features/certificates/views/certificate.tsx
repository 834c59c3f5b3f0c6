import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { formatDate } from '../../../platform/dates';
import { Button, ErrorSummary, Textarea, WarningText } from '../../../platform/ui/components';
import { parseCriteria, parseSkills, REVOKE_REASON_MAX } from '../certificates.service';
import type { Certificate } from '../certificates.tables';

/** The whole award, as issued: shared by the verification page and the revoke page. */
export function AwardDetails(props: { certificate: Certificate }) {
  const c = props.certificate;
  const criteria = parseCriteria(c.criteria);
  const skills = parseSkills(c.skills);
  const row = (key: string, value: string) => (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{key}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <>
      <dl class="govuk-summary-list">
        {row('Awarded to', c.recipient_name)}
        {row('Programme', c.programme_title)}
        {c.stage ? row('Stage', c.stage) : null}
        {row('Cohort', c.cohort_name)}
        {row('Started', formatDate(c.started_on))}
        {row('Completed', formatDate(c.completed_at))}
        {row('Issued by', c.issuer_name)}
        {row('Issued on', formatDate(c.issued_at))}
        {c.project_title ? row('Project', c.project_title) : null}
      </dl>
      <h2 class="govuk-heading-m" id="criteria">
        What was required, and how it was met
      </h2>
      {criteria.length === 0 ? (
        <p class="govuk-body">The issuer recorded no requirements for this award.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {criteria.map((r) => (
            <li>
              <strong>{r.title}</strong> ({r.met ? 'met' : 'not met'}): {r.description} {r.result}
            </li>
          ))}
        </ul>
      )}
      {c.exception_reason ? (
        <p class="govuk-body">
          Completion was recorded by the programme lead as an exception, although not every requirement was met. Their reason: {c.exception_reason}
        </p>
      ) : null}
      {skills.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Skills the programme develops</h2>
          <ul class="govuk-list govuk-list--bullet">
            {skills.map((s) => (
              <li id={`skill-${s.code}`}>
                {s.code} {s.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The public verification page: anyone with the link. */
export function VerificationPage(props: { certificate: Certificate; canRevoke: boolean }) {
  const c = props.certificate;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Certificate check</span>
        {c.revoked_at ? (
          <>
            <h1 class="govuk-heading-l">This certificate was revoked on {formatDate(c.revoked_at)}</h1>
            <WarningText text={`${c.issuer_name} revoked this certificate on ${formatDate(c.revoked_at)}. It is no longer a valid award.`} />
          </>
        ) : (
          <>
            <h1 class="govuk-heading-l">This is a genuine certificate</h1>
            <p class="govuk-body">
              {c.issuer_name} awarded this certificate to {c.recipient_name} for completing {c.programme_title}. Check that the details below match the
              certificate you were shown.
            </p>
          </>
        )}
        <AwardDetails certificate={c} />
        <h2 class="govuk-heading-m">Download</h2>
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={`/certificates/${c.code}/certificate.pdf`}>
              Download the certificate (PDF)
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/certificates/${c.code}/credential.json`}>
              Download the digital credential (Open Badges 3.0, JSON)
            </a>
          </li>
        </ul>
        <p class="govuk-body">
          The digital credential is signed by {c.issuer_name}: digital wallets and other services can check it without Waymark. Given a credential file, you can
          also{' '}
          <a class="govuk-link" href="/certificates/check">
            check it here
          </a>
          .
        </p>
        {props.canRevoke && !c.revoked_at ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/certificates/${c.code}/revoke`}>
              Revoke this certificate
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** No certificate was ever issued with the code. */
export function UnknownCertificatePage() {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Certificate check</span>
        <h1 class="govuk-heading-l">There is no certificate with this code</h1>
        <p class="govuk-body">No certificate has been issued with this link. Check the link or code was copied in full, including any capital letters.</p>
        <p class="govuk-body">If you were shown a certificate with this link, it is not one Waymark issued.</p>
        <p class="govuk-body">
          If you were given a digital credential file instead,{' '}
          <a class="govuk-link" href="/certificates/check">
            check the credential
          </a>
          .
        </p>
      </div>
    </div>
  );
}

/** The signed-in person's own certificates. */
export function MyCertificatesPage(props: { certificates: Certificate[]; showSigningKey?: boolean }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Your certificates</h1>
        {props.certificates.length === 0 ? (
          <p class="govuk-body">You have no certificates yet. When a programme lead confirms you have completed a programme, your certificate appears here.</p>
        ) : (
          props.certificates.map((c) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">{c.programme_title}</h2>
              </div>
              <div class="govuk-summary-card__content">
                <p class="govuk-body">
                  Completed {formatDate(c.completed_at)} with {c.cohort_name}.{c.revoked_at ? ` Revoked on ${formatDate(c.revoked_at)}.` : ''}
                </p>
                <ul class="govuk-list">
                  <li>
                    <a class="govuk-link" href={`/certificates/${c.code}/certificate.pdf`}>
                      Download the certificate (PDF)<span class="govuk-visually-hidden"> for {c.programme_title}</span>
                    </a>
                  </li>
                  <li>
                    <a class="govuk-link" href={`/certificates/${c.code}/credential.json`}>
                      Download the digital credential (Open Badges 3.0)<span class="govuk-visually-hidden"> for {c.programme_title}</span>
                    </a>
                  </li>
                  <li>
                    <a class="govuk-link" href={`/certificates/${c.code}`}>
                      Open the page anyone can use to check it<span class="govuk-visually-hidden"> for {c.programme_title}</span>
                    </a>
                  </li>
                </ul>
              </div>
            </div>
          ))
        )}
        {props.showSigningKey ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/certificates/signing-key">
              Your organisation’s certificate signing key
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A programme lead revoking a certificate, with the reason. */
export function RevokeFormView(props: { certificate: Certificate; reason: string; errors?: FieldErrors }) {
  const c = props.certificate;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{c.recipient_name}</span>
        <h1 class="govuk-heading-l">Revoke the certificate for {c.programme_title}</h1>
        <WarningText text="Revoking cannot be undone. Anyone who checks the certificate will be told it was revoked, and on what date." />
        <form method="post" action={`/certificates/${c.code}/revoke`} novalidate>
          <Textarea
            id="reason"
            name="reason"
            rows={4}
            label={{ text: 'Why the certificate is being revoked', classes: 'govuk-label--s' }}
            hint={{ text: `Kept in the audit log. Up to ${REVOKE_REASON_MAX} characters.` }}
            value={props.reason}
            errorMessage={errorFor(errors, 'reason')}
          />
          <Button text="Revoke certificate" classes="govuk-button--warning" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/certificates/${c.code}`}>
            Back to the certificate
          </a>
        </p>
      </div>
    </div>
  );
}
