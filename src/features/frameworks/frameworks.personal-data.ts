import { tablePersonalData } from '../../platform/personal-data';

/** Frameworks hold nothing about a person but who drafted and published a version: that becomes a former member of staff. */
export const frameworksPersonalData = tablePersonalData({
  doneBy: [
    { table: 'framework_versions', column: 'created_by' },
    { table: 'framework_versions', column: 'published_by' },
  ],
});
