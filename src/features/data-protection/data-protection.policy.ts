import { isDataProtectionOfficer, isOrgAdmin, type Viewer } from '../../platform/http/viewer';

/** Organisation admins and the data protection officer read the audit log, the retention settings and the record of processing, for their own organisation only. */
export const canReadDataProtection = (viewer: Viewer): boolean => isOrgAdmin(viewer) || isDataProtectionOfficer(viewer);

/** Only an organisation admin changes retention periods: the data protection officer advises and checks, read-only. */
export const canChangeRetention = isOrgAdmin;
