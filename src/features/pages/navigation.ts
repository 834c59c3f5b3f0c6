import { allows } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { NavigationItem } from '../../platform/ui/layout';

/** The service navigation: only what this person may use. */
export function navigationFor(viewer: Viewer | null, path: string, unreadNotifications = 0): NavigationItem[] {
  if (!viewer) return [{ href: '/sign-in', text: 'Sign in', current: path.startsWith('/sign-in') }];
  const items: NavigationItem[] = [{ href: '/', text: 'Home', current: path === '/' }];
  items.push({ href: '/programmes', text: 'Programmes', current: /^\/(programmes|cohorts|applications|enrolments|my-programme|pathways)(\/|$)/.test(path) });
  items.push({ href: '/sessions', text: 'Sessions', current: /^\/(sessions|events)(\/|$)/.test(path) });
  items.push({ href: '/feedback', text: '360 feedback', current: path.startsWith('/feedback') });
  if (allows('programme-lead', viewer)) items.push({ href: '/frameworks', text: 'Frameworks', current: path.startsWith('/frameworks') });
  if (allows('people-manager', viewer)) items.push({ href: '/staff', text: 'Staff', current: path.startsWith('/staff') });
  if (allows('staff-admin', viewer)) items.push({ href: '/schools', text: 'Schools', current: path.startsWith('/schools') });
  if (allows('staff-admin', viewer)) items.push({ href: '/import', text: 'Import staff', current: path.startsWith('/import') });
  // Shown as "Notifications (3)", read out as "Notifications (3 unread)" (a hidden span inside the brackets would be read with a stray space).
  const unread = unreadNotifications > 0 ? ` <span class="govuk-visually-hidden">(${unreadNotifications} unread)</span><span aria-hidden="true">(${unreadNotifications})</span>` : '';
  items.push({ href: '/notifications', text: 'Notifications', html: unread ? `Notifications${unread}` : undefined, current: path.startsWith('/notifications') });
  items.push({ href: '/account', text: 'Your account', current: path.startsWith('/account') });
  return items;
}
