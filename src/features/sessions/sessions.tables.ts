/** Tables owned by this feature (Sessions, open events, attendance, check-in and calendars). */
export interface SessionTables {}
