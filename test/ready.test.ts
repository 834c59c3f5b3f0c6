import { expect, it } from 'vitest';
import { describeEachEngine } from './support/app';
import { features } from '../src/features';
import { enqueue } from '../src/platform/jobs/outbox';
import { readiness } from '../src/platform/http/ready';

describeEachEngine('is Waymark ready', (ctx) => {
  it('says ready when the database answers, every migration has run and the outbox is moving', async () => {
    const response = await ctx().client().get('/ready');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ status: 'ready', checks: { database: 'ok', schema: 'ok', outbox: 'ok' } });
  });

  it('says not ready (503) while an email has waited more than 15 minutes for a worker, and ready again once it is sent', async () => {
    const { db, clock } = ctx();
    await enqueue(db, clock, { kind: 'email', payload: { to: 'a@example.org', subject: 'Hello', text: 'Hello' } });
    clock.advance(10 * 60_000);
    expect((await ctx().client().get('/ready')).status).toBe(200);
    clock.advance(6 * 60_000);
    const stuck = await ctx().client().get('/ready');
    expect(stuck.status).toBe(503);
    expect(JSON.parse(stuck.text)).toEqual({
      status: 'not ready',
      checks: { database: 'ok', schema: 'ok', outbox: '1 message due more than 15 minutes ago' },
    });
    await ctx().deliverMail();
    expect((await ctx().client().get('/ready')).status).toBe(200);
  });

  it('says a migration has not run, when one hasn’t', async () => {
    const later = { up: async () => undefined };
    const result = await readiness(ctx().db, ctx().clock, { ...features.migrations, '2099_01_01_0000_later': later });
    expect(result).toEqual({ ready: false, checks: { database: 'ok', schema: '1 migration not run', outbox: 'ok' } });
  });
});
