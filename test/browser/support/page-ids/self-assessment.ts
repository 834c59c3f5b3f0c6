import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the self-assessment routes' `:params` stand for
 * (`ids[':name']`), and, for pages only a record's owner may open, whom to open them as
 * (`owners[routePrefix] = email`; the demo password is the same for everyone).
 *
 * `:enrolmentId` is the every-page test's own (Hannah Jones on Leadership Pathways), whose demo
 * baseline is submitted, so an organisation admin can read it (a whole checkpoint, or one domain
 * of it, `:skillDomainId`); every GET row allows org admins.
 */
export async function selfAssessmentPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  // The domain of Leadership Pathways' first focus skill.
  const domain = await h.db
    .selectFrom('programme_focus_skills')
    .innerJoin('programmes', 'programmes.id', 'programme_focus_skills.programme_id')
    .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
    .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
    .select('framework_domains.id')
    .where('programmes.title', '=', 'Leadership Pathways')
    .orderBy('framework_domains.position')
    .executeTakeFirstOrThrow();
  return { ids: { ':checkpoint': 'baseline', ':skillDomainId': domain.id }, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = selfAssessmentPageIds;
