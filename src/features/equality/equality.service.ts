import type { AppDeps, Viewer } from '../../platform/http/env';
import { Invalid } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import * as q from './equality.queries';
import { CHARACTERISTICS } from './equality.schemas';

/** The viewer's own equality information (only ever theirs: nobody else can ask for it). */
export async function getOwnAnswers(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  return (await q.findAnswers(deps.db, viewer.id)) ?? null;
}

/**
 * Saves the viewer's answers. Every question may be left unanswered; an answer must be one of the
 * question's (each offers "Prefer not to say").
 */
export async function saveOwnAnswers(deps: Pick<AppDeps, 'db' | 'clock'>, viewer: Viewer, values: FormValues) {
  const errors: Record<string, string> = {};
  const answers: Record<string, string | null> = {};
  for (const c of CHARACTERISTICS) {
    const value = (values[c.key] ?? '').trim();
    if (value !== '' && !(value in c.answers)) errors[c.key] = `Choose an answer from the list, or leave “${c.question}” unanswered`;
    answers[c.column] = value === '' ? null : value;
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors, Object.values(errors)[0]);
  await q.saveAnswers(deps.db, {
    person_id: viewer.id,
    organisation_id: viewer.organisationId,
    sex: answers.sex ?? null,
    ethnicity: answers.ethnicity ?? null,
    disability: answers.disability ?? null,
    age_band: answers.age_band ?? null,
    working_pattern: answers.working_pattern ?? null,
    updated_at: deps.clock.now().toISOString(),
  });
}

/** Removes everything the viewer gave. */
export async function removeOwnAnswers(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  await q.removeAnswers(deps.db, viewer.id);
}
