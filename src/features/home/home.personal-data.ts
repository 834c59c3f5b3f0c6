import { tablePersonalData } from '../../platform/personal-data';

/** This feature keeps no personal data and names no one in its tables: nothing to export or erase. */
export const homePersonalData = tablePersonalData({});
