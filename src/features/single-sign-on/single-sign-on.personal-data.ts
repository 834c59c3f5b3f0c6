import { tablePersonalData } from '../../platform/personal-data';

/** Single sign-on's part of a subject access export and an erasure: the person's bindings to provider accounts. */
export const singleSignOnPersonalData = tablePersonalData({
  own: [{ table: 'sso_identities', column: 'person_id', label: 'accounts bound' }],
  cleared: [{ table: 'sso_connections', column: 'updated_by' }],
});
