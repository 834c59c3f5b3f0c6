import type { PersonRecordSection } from '../../platform/module';
import { isOrgAdmin } from '../../platform/http/viewer';
import * as q from './single-sign-on.queries';
import { PROVIDER_NAMES } from './single-sign-on.service';

/**
 * On a staff record, when the organisation has set up single sign-on: the person's linked accounts,
 * a link for themselves and for organisation admins (who may unlink them); nobody else sees it.
 */
export const linkedAccountsOnStaffRecord: PersonRecordSection = {
  order: 95,
  heading: { own: 'Signing in with Microsoft or Google', other: 'Signing in with Microsoft or Google' },
  async lines(db, viewer, subject) {
    const own = subject.id === viewer.id;
    if (!own && !(isOrgAdmin(viewer) && subject.organisationId === viewer.organisationId)) return [];
    const [accounts, connections] = await Promise.all([q.listIdentitiesOf(db, subject.id), q.listConnectionsOf(db, subject.organisationId)]);
    if (accounts.length === 0 && connections.length === 0) return [];
    const names = accounts.map((a) => PROVIDER_NAMES[a.provider]).join(' and ');
    return [
      {
        text: accounts.length > 0 ? `Linked accounts: ${names}` : 'No linked accounts yet',
        href: own ? '/account/linked-accounts' : `/organisation/single-sign-on/people/${subject.id}`,
        status: null,
      },
    ];
  },
};
