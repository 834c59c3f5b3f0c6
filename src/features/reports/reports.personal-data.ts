import { tablePersonalData } from '../../platform/personal-data';

/** Reports keep no personal data; the organisation's report settings say who last changed them, which an erasure points at the former member of staff. */
export const reportsPersonalData = tablePersonalData({ doneBy: [{ table: 'report_settings', column: 'updated_by' }] });
