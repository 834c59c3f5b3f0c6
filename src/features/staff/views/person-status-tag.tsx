import { StatusTag, type StatusDisplay } from '../../../platform/ui/components';

import type { PersonStatus } from '../staff.tables';

/** Only a deactivated person, or one being erased, is tagged: being active is the normal case. */
const PERSON_STATUS_TAGS: Record<PersonStatus, StatusDisplay | null> = {
  active: null,
  deactivated: { text: 'Deactivated', colour: 'grey' },
  being_erased: { text: 'Being erased', colour: 'red' },
};

export function PersonStatusTag(props: { status: PersonStatus }) {
  const tag = PERSON_STATUS_TAGS[props.status];
  return tag ? <StatusTag {...tag} /> : null;
}
