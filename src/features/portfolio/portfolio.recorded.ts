import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { londonDate } from '../../platform/dates';
import type { DomainEvents } from '../../platform/events';
import type { Subscriptions } from '../../platform/events';
import * as q from './portfolio.queries';
import type { PortfolioEntriesTable } from './portfolio.tables';

// Entries recorded by Waymark from its own records: sessions attended, projects assessed as met,
// and mentoring or coaching given. Each comes from an event the owning feature publishes; the
// entry's `source_key` makes a repeated message change nothing.

type Recorded = Pick<
  PortfolioEntriesTable,
  'organisation_id' | 'person_id' | 'kind' | 'title' | 'reflection' | 'started_on' | 'ended_on' | 'hours' | 'skills' | 'source_path'
>;

async function record(db: Executor, clock: Clock, key: string, entry: Recorded): Promise<void> {
  const now = clock.now().toISOString();
  await q.insertRecordedEntry(db, {
    id: newId(),
    ...entry,
    source: 'waymark',
    source_key: key,
    verification_id: null,
    verification_cleared_at: null,
    verification_cleared_name: null,
    created_at: now,
    updated_at: now,
  });
}

const hoursBetween = (from: string, to: string) => Math.round(((new Date(to).getTime() - new Date(from).getTime()) / 3_600_000) * 10) / 10;

export async function recordSessionAttended(db: Executor, clock: Clock, event: DomainEvents['session.attended']): Promise<void> {
  const hours = hoursBetween(event.startsAt, event.endsAt);
  await record(db, clock, `session:${event.sessionId}:${event.personId}`, {
    organisation_id: event.organisationId,
    person_id: event.personId,
    kind: 'session_attended',
    title: event.programmeTitle ? `${event.title} (${event.programmeTitle})` : event.title,
    reflection: '',
    started_on: londonDate(new Date(event.startsAt)),
    ended_on: null,
    hours: hours > 0 ? hours : null,
    skills: JSON.stringify(event.skillIds),
    source_path: `/sessions/${event.sessionId}`,
  });
}

export async function recordProjectAssessed(db: Executor, clock: Clock, event: DomainEvents['project.assessed_met']): Promise<void> {
  await record(db, clock, `project:${event.projectId}`, {
    organisation_id: event.organisationId,
    person_id: event.personId,
    kind: 'project',
    title: `Project assessed as met: ${event.title}`,
    // The participant's own words from their final report, which they can change here.
    reflection: [event.whatChanged.trim(), event.forWhom.trim() ? `For whom: ${event.forWhom.trim()}` : ''].filter(Boolean).join('\n\n'),
    started_on: londonDate(new Date(event.startedAt)),
    ended_on: londonDate(new Date(event.assessedAt)),
    hours: null,
    skills: JSON.stringify(event.skillIds),
    source_path: `/projects/${event.projectId}`,
  });
}

/** One entry per pairing for the mentor, kept up to date with the confirmed meetings' dates, hours and focus skills. */
export async function recordMentoringGiven(db: Executor, clock: Clock, event: DomainEvents['mentoring.meeting_confirmed']): Promise<void> {
  const key = `mentoring:${event.pairingId}`;
  const facts = {
    title: `${event.kind === 'mentor' ? 'Mentoring' : 'Coaching'} ${event.menteeName} (${event.meetings} ${event.meetings === 1 ? 'meeting' : 'meetings'})`,
    started_on: event.firstHeldOn,
    ended_on: event.lastHeldOn === event.firstHeldOn ? null : event.lastHeldOn,
    hours: Math.round((event.minutes / 60) * 10) / 10,
  };
  const existing = await q.findEntryBySourceKey(db, key);
  if (existing) {
    const skills = [...new Set([...JSON.parse(existing.skills || '[]'), ...event.skillIds])] as string[];
    await q.updateEntry(db, existing.id, { ...facts, skills: JSON.stringify(skills), updated_at: clock.now().toISOString() });
    return;
  }
  await record(db, clock, key, {
    organisation_id: event.organisationId,
    person_id: event.mentorId,
    kind: 'coaching_given',
    reflection: '',
    skills: JSON.stringify(event.skillIds),
    source_path: `/mentoring/pairings/${event.pairingId}`,
    ...facts,
  });
}

/** A "have a go" opportunity the person did, verified by the colleague who offered it. */
export async function recordExperienceVerified(db: Executor, clock: Clock, event: DomainEvents['careers.experience_verified']): Promise<void> {
  await record(db, clock, `careers-experience:${event.interestId}`, {
    organisation_id: event.organisationId,
    person_id: event.personId,
    kind: 'opportunity',
    title: event.title,
    // The person writes what changed; the poster's note is on the opportunity's page.
    reflection: '',
    started_on: event.startedOn,
    ended_on: event.endedOn === event.startedOn ? null : event.endedOn,
    hours: null,
    skills: JSON.stringify(event.skillIds),
    source_path: `/careers/opportunities/${event.opportunityId}`,
  });
}

/** Development from the directory the person marked done: an NPQ or course, or a network they joined. */
export async function recordDevelopmentDone(db: Executor, clock: Clock, event: DomainEvents['careers.development_done']): Promise<void> {
  const network = event.kind === 'network' || event.kind === 'chartered_college';
  await record(db, clock, `careers-development:${event.itemId}:${event.personId}`, {
    organisation_id: event.organisationId,
    person_id: event.personId,
    kind: network ? 'network' : 'course',
    title: event.provider ? `${event.title} (${event.provider})` : event.title,
    reflection: '',
    started_on: londonDate(clock.now()),
    ended_on: null,
    hours: null,
    skills: JSON.stringify(event.skillIds),
    source_path: `/careers/directory/${event.itemId}`,
  });
}

/** The portfolio's subscriptions: delivered by the worker after each change commits. */
export const portfolioSubscriptions: Subscriptions = {
  'session.attended': (context, payload) => recordSessionAttended(context.db, context.clock, payload),
  'project.assessed_met': (context, payload) => recordProjectAssessed(context.db, context.clock, payload),
  'mentoring.meeting_confirmed': (context, payload) => recordMentoringGiven(context.db, context.clock, payload),
  'careers.experience_verified': (context, payload) => recordExperienceVerified(context.db, context.clock, payload),
  'careers.development_done': (context, payload) => recordDevelopmentDone(context.db, context.clock, payload),
};
