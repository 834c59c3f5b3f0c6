import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/database';
import { makeOrganisation, makePerson } from '../../../test/support/factories';
import { DEVELOPMENT_SIGNING_KEYS_SECRET } from '../../config';
import { FixedClock } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import { drainOutbox, retryDelayMs, type OutboxHandler } from '../../platform/jobs/outbox';
import { silentLogger } from '../../platform/log';
import type { Email } from '../../platform/mail/mailer';
import { features } from '../index';
import { notify } from './notify';
import { item } from '../../../test/support/present';

const drain = (db: Db, clock: FixedClock, handlers: Record<string, OutboxHandler>) => drainOutbox({ db, clock, handlers, logger: silentLogger });

for (const engine of testEngines()) {
  describe(`delivering notifications through the outbox [${engine}]`, () => {
    let database: TestDatabase;
    let clock: FixedClock;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      clock = new FixedClock();
    });
    afterAll(async () => {
      await database?.destroy();
    });

    it('never sends the same notification twice: a retry after a failed email makes one inbox entry and one email', async () => {
      const { db } = database;
      const organisation = await makeOrganisation(db);
      const person = await makePerson(db, { organisationId: organisation.id, givenName: 'Nia' });
      const sent: Email[] = [];
      let refuseNext = true;
      const mailer = {
        async send(email: Email) {
          if (refuseNext) {
            refuseNext = false;
            throw new Error('SMTP connection lost');
          }
          sent.push(email);
        },
      };
      const handlers = features.outboxHandlers({
        db,
        clock,
        mailer,
        config: { BASE_URL: 'https://waymark.example.org', SIGNING_KEYS_SECRET: DEVELOPMENT_SIGNING_KEYS_SECRET },
        logger: silentLogger,
      });
      await db.transaction().execute((trx) =>
        notify(trx, clock, {
          personId: person.id,
          kind: 'application_update',
          subject: 'You have a place on Towards Middle Leadership',
          paragraphs: ['Your application has been accepted.'],
          link: '/applications/abc',
        }),
      );
      await drain(db, clock, handlers);
      const inbox = () => db.selectFrom('notifications').select(['subject', 'emailed']).where('person_id', '=', person.id).execute();
      // The inbox entry was written before the email failed.
      expect(await inbox()).toEqual([{ subject: 'You have a place on Towards Middle Leadership', emailed: 1 }]);
      expect(sent).toEqual([]);
      clock.advance(retryDelayMs(1));
      await drain(db, clock, handlers);
      clock.advance(retryDelayMs(2));
      await drain(db, clock, handlers);
      expect(await inbox()).toHaveLength(1);
      expect(sent.map((m) => m.subject)).toEqual(['You have a place on Towards Middle Leadership']);
      expect(item(sent, 0).text).toContain('https://waymark.example.org/applications/abc');
      // The inbox keeps the notification; the outbox's copy keeps only whom it was for and what about.
      const row = await db.selectFrom('outbox').select('payload').where('kind', '=', 'notification').executeTakeFirstOrThrow();
      expect(JSON.parse(row.payload)).toEqual({
        personId: person.id,
        kind: 'application_update',
        subject: 'You have a place on Towards Middle Leadership',
        at: expect.any(String),
        redacted: true,
      });
    });
  });
}
