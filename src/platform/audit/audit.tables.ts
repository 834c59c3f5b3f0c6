export interface AuditEventsTable {
  id: string;
  organisation_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** The person whose data was seen or changed, when there is one (a person subject, or the person a record is about). */
  person_id: string | null;
  /** JSON object with the details that matter for this action. */
  detail: string;
  ip_address: string | null;
  request_id: string | null;
  created_at: string;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
