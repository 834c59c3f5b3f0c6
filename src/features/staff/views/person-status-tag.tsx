import { StatusTag, type StatusDisplay } from '../../../platform/ui/components';

type PersonStatus = 'active' | 'deactivated';

/** Only a deactivated person is tagged: being active is the normal case. */
const PERSON_STATUS_TAGS: Record<PersonStatus, StatusDisplay | null> = {
  active: null,
  deactivated: { text: 'Deactivated', colour: 'grey' },
};

export function PersonStatusTag(props: { status: PersonStatus }) {
  const tag = PERSON_STATUS_TAGS[props.status];
  return tag ? <StatusTag {...tag} /> : null;
}
