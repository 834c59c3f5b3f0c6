import type { Viewer } from '../../platform/http/env';

/** A notification is its owner's alone: nobody else may see it or mark it read (not even admins). */
export function isOwnNotification(viewer: Viewer, notification: { person_id: string }): boolean {
  return notification.person_id === viewer.id;
}

/** Where opening a notification goes: its link when it is a path inside Waymark, else the inbox. */
export function destinationOf(link: string | null): string {
  return link?.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : '/notifications';
}
