import type { Kysely, Transaction } from 'kysely';
import type { AuthTables } from './features/auth/auth.tables';
import type { OrganisationTables } from './features/organisations/organisations.tables';
import type { StaffImportTables } from './features/staff-import/staff-import.tables';
import type { StaffTables } from './features/staff/staff.tables';
import type { AuditTables } from './platform/audit/audit.tables';
import type { OutboxTables } from './platform/jobs/outbox.tables';

/** Every table, composed from the features that own them. */
export interface Database extends OrganisationTables, StaffTables, AuthTables, StaffImportTables, AuditTables, OutboxTables {}

export type Db = Kysely<Database>;
/** A database handle or a transaction: query functions take either as their first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;
