export interface OutboxTable {
  id: string;
  kind: string;
  /** JSON payload for the handler of this kind. */
  payload: string;
  /** When set, a second row with the same key is never written. */
  dedupe_key: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  available_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  processed_at: string | null;
}

export interface OutboxTables {
  outbox: OutboxTable;
}
