import { StatusTag, type StatusDisplay } from '../../../platform/ui/components';
import type { FrameworkVersionStatus } from '../frameworks.tables';

const VERSION_STATUS_TAGS: Record<FrameworkVersionStatus, StatusDisplay> = {
  draft: { text: 'Draft', colour: 'yellow' },
  published: { text: 'Published', colour: 'green' },
};

/** Draft or Published, for a framework version. */
export function VersionStatusTag(props: { status: FrameworkVersionStatus }) {
  return <StatusTag {...VERSION_STATUS_TAGS[props.status]} />;
}
