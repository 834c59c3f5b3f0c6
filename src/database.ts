import type { Kysely, Transaction } from 'kysely';
import type { CohortTables } from './features/cohorts/cohorts.tables';
import type { EnrolmentTables } from './features/enrolments/enrolments.tables';
import type { FrameworkTables } from './features/frameworks/frameworks.tables';
import type { ProgrammeTables } from './features/programmes/programmes.tables';
import type { AuthTables } from './features/auth/auth.tables';
import type { OrganisationTables } from './features/organisations/organisations.tables';
import type { StaffImportTables } from './features/staff-import/staff-import.tables';
import type { StaffTables } from './features/staff/staff.tables';
import type { AuditTables } from './platform/audit/audit.tables';
import type { OutboxTables } from './platform/jobs/outbox.tables';
import type { NotificationTables } from './features/notifications/notifications.tables';
import type { SessionTables } from './features/sessions/sessions.tables';
import type { SelfAssessmentTables } from './features/self-assessment/self-assessment.tables';
import type { FeedbackTables } from './features/feedback/feedback.tables';
import type { FileTables } from './platform/files/files.tables';

/** Every table, composed from the features that own them. */
export interface Database extends OrganisationTables, StaffTables, AuthTables, StaffImportTables, AuditTables, OutboxTables, FrameworkTables, ProgrammeTables, CohortTables, EnrolmentTables,
    NotificationTables, SessionTables, SelfAssessmentTables, FeedbackTables, FileTables {}

export type Db = Kysely<Database>;
/** A database handle or a transaction: query functions take either as their first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;
