import type { NavigationEntry } from '../contributions';
import { allows, type Viewer } from '../http/viewer';
import type { NavigationItem } from './layout';

/** The service navigation: only what this person may use, with any counts (unread notifications) set on the request. */
export function navigationFor(
  entries: readonly NavigationEntry[],
  viewer: Viewer | null,
  path: string,
  counts: Record<string, number> = {},
  personal = false,
): NavigationItem[] {
  const items: NavigationItem[] = [];
  for (const entry of entries) {
    // Someone signed in to their personal account only (a leaver) sees their own record and account, nothing else.
    if (personal && !viewer) {
      if (entry.shownTo !== 'own-record') continue;
    } else if (entry.shownTo === 'signed-out' ? viewer !== null : !viewer || !allows(entry.shownTo, viewer)) continue;
    const n = entry.count ? (counts[entry.count.name] ?? 0) : 0;
    // Shown as "Notifications (3)", read out as "Notifications (3 unread)" (a hidden span inside the brackets would be read with a stray space).
    const html =
      entry.count && n > 0
        ? `${entry.text} <span class="govuk-visually-hidden">(${n} ${entry.count.label})</span><span aria-hidden="true">(${n})</span>`
        : undefined;
    items.push({ href: entry.href, text: entry.text, html, current: entry.current(path) });
  }
  return items;
}
