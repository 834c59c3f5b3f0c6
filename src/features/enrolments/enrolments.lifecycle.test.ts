import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import type { TestClient } from '../../../test/support/http';
import { makeCohort, makeProgramme } from '../../../test/support/programme-world';
import { composeFeatures } from '../../platform/compose';
import { newId } from '../../platform/db/ids';
import { subscriptionKind } from '../../platform/events';
import { exportNothing, type FeatureModule } from '../../platform/module';
import { featureModules } from '../index';
import { allows, ENROLMENT_LIFECYCLE, type EnrolmentCompleted, eventsFrom, holdsPlace } from './enrolments.lifecycle';

describe('the enrolment lifecycle', () => {
  it('holds a place while active or completed, and nowhere else', () => {
    expect((['active', 'deferred', 'withdrawn', 'completed', 'new'] as const).filter(holdsPlace)).toEqual(['active', 'completed']);
  });

  it('lets nothing leave completed, and only an application change enrol someone', () => {
    expect(Object.values(ENROLMENT_LIFECYCLE).some((t) => t.from.includes('completed'))).toBe(false);
    expect(ENROLMENT_LIFECYCLE.enrol.by).toEqual(['application']);
    expect(allows('enrol', 'new')).toBe(true);
  });

  it('offers a programme lead the same choices from each status as the status page always has', () => {
    expect(eventsFrom('active', 'programme_lead')).toEqual(['defer', 'withdraw', 'complete']);
    expect(eventsFrom('deferred', 'programme_lead')).toEqual(['reinstate', 'withdraw']);
    expect(eventsFrom('withdrawn', 'programme_lead')).toEqual(['reinstate']);
    expect(eventsFrom('completed', 'programme_lead')).toEqual([]);
    expect(eventsFrom('active', 'participant')).toEqual(['withdraw']);
  });
});

/** A feature that, like certificates and the leadership record will, acts on completed enrolments. */
const received: { payload: EnrolmentCompleted; messageId: string }[] = [];
const listener: FeatureModule = {
  name: 'completion-listener',
  personalData: { holds: [], export: exportNothing, erase: async () => [] },
  subscriptions: {
    'enrolment.completed': async (_context, payload, messageId) => {
      received.push({ payload, messageId });
    },
  },
};
const withListener = composeFeatures([...featureModules, listener]);

describeEachEngine(
  'completing an enrolment',
  (ctx) => {
    let world: World;
    let lead: TestClient;
    let programmeId: string;
    let cohortId: string;
    const kind = subscriptionKind('enrolment.completed', listener.name);
    const messages = () => ctx().db.selectFrom('outbox').select(['payload', 'status']).where('kind', '=', kind).orderBy('created_at').orderBy('id').execute();

    beforeAll(async () => {
      received.length = 0;
      world = await makeWorld(ctx().db);
      programmeId = (await makeProgramme(ctx().db, { organisationId: world.organisation.id, requirements: [{ kind: 'sign_off' }] })).id;
      cohortId = (await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, leadIds: [world.programmeLead.id] })).id;
      lead = ctx().client();
      await signIn(lead, world.programmeLead.email);
    });

    async function enrolSomeone() {
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
      const id = newId();
      const at = ctx().clock.now().toISOString();
      await ctx()
        .db.insertInto('enrolments')
        .values({
          id,
          organisation_id: world.organisation.id,
          application_id: null,
          cohort_id: cohortId,
          programme_id: programmeId,
          person_id: person.id,
          status: 'active',
          return_cohort_id: null,
          status_reason: null,
          completed_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return { id, personId: person.id };
    }

    it('queues nothing when the completion is refused', async () => {
      const { id } = await enrolSomeone();
      const early = await lead.post(`/enrolments/${id}/status`, { action: 'complete' });
      expect(early.status).toBe(400);
      expect(await messages()).toEqual([]);
    });

    it('gives a subscribing feature one message per completion, delivered after the change commits', async () => {
      const first = await enrolSomeone();
      const second = await enrolSomeone();
      for (const { id } of [first, second]) {
        expect((await lead.post(`/enrolments/${id}/sign-off`, {})).status).toBe(303);
        expect((await lead.post(`/enrolments/${id}/status`, { action: 'complete' })).status).toBe(303);
      }
      // Queued with the change, in its transaction; nothing is delivered until the worker runs.
      expect(await messages()).toHaveLength(2);
      expect(received).toEqual([]);

      await ctx().deliverMail();
      await ctx().deliverMail();
      const completedAt = ctx().clock.now().toISOString();
      expect(received.map((r) => r.payload)).toEqual([
        { enrolmentId: first.id, organisationId: world.organisation.id, personId: first.personId, programmeId, cohortId, completedAt },
        { enrolmentId: second.id, organisationId: world.organisation.id, personId: second.personId, programmeId, cohortId, completedAt },
      ]);
      expect(new Set(received.map((r) => r.messageId)).size).toBe(2);
      expect((await messages()).map((m) => m.status)).toEqual(['sent', 'sent']);
    });
  },
  {},
  withListener,
);
