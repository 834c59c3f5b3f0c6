import type { Kysely, Transaction } from 'kysely';
import type { AuditTables } from '../audit/audit.tables';
import type { FileTables } from '../files/files.tables';
import type { OutboxTables } from '../jobs/outbox.tables';

/**
 * Every table of the application. The platform declares its own here; each feature adds its
 * tables from its `*.tables.ts` by declaration merging:
 *
 *     declare module '../../platform/db/database' { interface Database extends CohortTables {} }
 *
 * so the platform names no feature, and adding a feature's tables touches only its folder.
 */
export interface Database extends AuditTables, OutboxTables, FileTables {}

export type Db = Kysely<Database>;
/** A database handle or a transaction: query functions take either as their first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;
