import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { hashToken, newToken } from '../../../platform/http/tokens';
import type { DemoContext } from '../../../platform/module';
import { programmeFocusSkills } from '../../programmes';
import type { EntryKind, VerifierRelationship } from '../portfolio.tables';

interface DemoEntry {
  kind: EntryKind;
  title: string;
  reflection: string;
  startedDaysAgo: number;
  endedDaysAgo: number | null;
  hours: number | null;
  /** How many of the programme's focus skills it evidences (the first ones). */
  skills: number;
  link?: { title: string; url: string };
  verification?: {
    status: 'confirmed' | 'pending';
    relationship: VerifierRelationship;
    /** A demo person's key, or an outside name and email. */
    who: string | { name: string; email: string };
    role?: string;
    statement?: string;
    daysAgo: number;
  };
}

// Hannah Jones (Second in Mathematics, on the pathways programme): verified and unverified entries of several kinds.
const entries: DemoEntry[] = [
  {
    kind: 'course',
    title: 'NPQ for Senior Leadership: leading change module',
    reflection:
      'I now plan changes in the maths department as a sequence of small, tested steps rather than one launch. The department’s newest two teachers said at review that they understood why we changed our homework routines, which they did not the year before.',
    startedDaysAgo: 200,
    endedDaysAgo: 120,
    hours: 24,
    skills: 2,
    link: { title: 'Course outline', url: 'https://www.gov.uk/government/publications/national-professional-qualification-npq-courses' },
    verification: {
      status: 'confirmed',
      relationship: 'line_manager',
      who: 'rMat',
      role: 'Head of Mathematics, Hannah’s line manager',
      statement: 'Hannah completed the module and has led the department’s homework change in exactly this way; I saw the staged plan and the reviews.',
      daysAgo: 100,
    },
  },
  {
    kind: 'training_delivered',
    title: 'INSET for Riverside Primary: reasoning in Year 6 maths',
    reflection:
      'Delivering to another school made me make our approach explicit. Riverside’s Year 6 teachers now use the same reasoning prompts; their maths lead reported that pupils explain their methods more fully in lessons.',
    startedDaysAgo: 90,
    endedDaysAgo: null,
    hours: 3,
    skills: 1,
    verification: {
      status: 'confirmed',
      relationship: 'outside',
      who: { name: 'Gwen Hughes', email: 'gwen.hughes@riverside.example.org' },
      role: 'Maths lead, Riverside Primary',
      statement: 'Hannah led a three-hour INSET for our Year 6 team in the autumn term. We have used her reasoning prompts since.',
      daysAgo: 80,
    },
  },
  {
    kind: 'network',
    title: 'WomenEd regional unconference',
    reflection:
      'I met two maths leads who mentor new heads of department, and I have started a monthly call with one of them to talk through leading my team through change.',
    startedDaysAgo: 40,
    endedDaysAgo: null,
    hours: 6,
    skills: 1,
    verification: { status: 'pending', relationship: 'line_manager', who: 'rMat', daysAgo: 5 },
  },
  {
    kind: 'reading',
    title: 'Reading: “Leading Curriculum Change”',
    reflection:
      'The chapters on sequencing helped me decide to stage our Key Stage 3 changes over two years rather than one, so colleagues are not redoing schemes of work at once.',
    startedDaysAgo: 20,
    endedDaysAgo: 10,
    hours: 8,
    skills: 1,
  },
];

/** A portfolio for the pathways participant Hannah Jones: verified (by her line manager and by someone outside), waiting, and unverified entries. */
export async function seedPortfolio(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const person = context.ids.get('rMat3');
  const programme = context.ids.get('programme:pathways');
  if (!person || !programme) return;
  const now = clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const on = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const focus = (await programmeFocusSkills(trx, programme)).map((s) => ({ skill_id: s.id }));
  for (const e of entries) {
    const id = newId();
    const verificationId = e.verification ? newId() : null;
    await trx
      .insertInto('portfolio_entries')
      .values({
        id,
        organisation_id: context.organisationId,
        person_id: person,
        kind: e.kind,
        title: e.title,
        reflection: e.reflection,
        started_on: on(e.startedDaysAgo),
        ended_on: e.endedDaysAgo === null ? null : on(e.endedDaysAgo),
        hours: e.hours,
        skills: JSON.stringify(focus.slice(0, e.skills).map((s) => s.skill_id)),
        source: 'own',
        source_key: null,
        source_path: null,
        verification_id: null,
        verification_cleared_at: null,
        verification_cleared_name: null,
        created_at: at(e.startedDaysAgo),
        updated_at: at(e.startedDaysAgo),
      })
      .execute();
    if (e.link)
      await trx
        .insertInto('portfolio_attachments')
        .values({ id: newId(), entry_id: id, title: e.link.title, url: e.link.url, file_id: null, added_at: at(e.startedDaysAgo) })
        .execute();
    const v = e.verification;
    if (!v || !verificationId) continue;
    const colleague =
      typeof v.who === 'string'
        ? await trx
            .selectFrom('people')
            .select(['id', 'given_name', 'family_name', 'email'])
            .where('id', '=', context.ids.get(v.who) ?? '')
            .executeTakeFirst()
        : undefined;
    const outside = typeof v.who === 'string' ? null : v.who;
    await trx
      .insertInto('portfolio_verifications')
      .values({
        id: verificationId,
        entry_id: id,
        relationship: v.relationship,
        verifier_person_id: colleague?.id ?? null,
        verifier_name: colleague ? `${colleague.given_name} ${colleague.family_name}` : (outside?.name ?? ''),
        verifier_email: colleague?.email ?? outside?.email ?? '',
        // The outside verifier's link was used; nobody holds its token now.
        token_hash: outside ? hashToken(newToken()) : null,
        status: v.status,
        verifier_role: v.role ?? null,
        statement: v.statement ?? null,
        decline_reason: null,
        requested_at: at(v.daysAgo + 3),
        expires_at: new Date(now - (v.daysAgo + 3) * DAY + 30 * DAY).toISOString(),
        answered_at: v.status === 'confirmed' ? at(v.daysAgo) : null,
      })
      .execute();
    if (v.status === 'confirmed') await trx.updateTable('portfolio_entries').set({ verification_id: verificationId }).where('id', '=', id).execute();
  }
  // One recorded by Waymark (as the worker records sessions attended), with Hannah's reflection added.
  await trx
    .insertInto('portfolio_entries')
    .values({
      id: newId(),
      organisation_id: context.organisationId,
      person_id: person,
      kind: 'session_attended',
      title: 'Leading through change (pathways residential)',
      reflection: 'I now name the “why” first when I introduce a change to the department; two colleagues who had resisted the new marking policy now use it.',
      started_on: on(60),
      ended_on: null,
      hours: 6,
      skills: JSON.stringify(focus.slice(0, 1).map((s) => s.skill_id)),
      source: 'waymark',
      source_key: `demo:session:${person}`,
      source_path: null,
      verification_id: null,
      verification_cleared_at: null,
      verification_cleared_name: null,
      created_at: at(60),
      updated_at: at(50),
    })
    .execute();
}
