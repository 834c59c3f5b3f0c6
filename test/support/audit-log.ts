import type { TestClient } from './http';
import { visibleText } from './http';

/**
 * The entries of the audit log viewer, as an organisation admin or data protection officer
 * (`client`) reads them, filtered by the person affected (their email) and an action: the text of
 * the entries table, one string per row.
 */
export async function auditLogRows(client: TestClient, personEmail: string, action: string): Promise<string[]> {
  const page = await client.get(`/data-protection/audit-log?person=${encodeURIComponent(personEmail)}&action=${action}`);
  if (page.status !== 200) throw new Error(`the audit log gave ${page.status}`);
  const rows = [...page.text.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => visibleText(m[1] ?? ''));
  const title = action.replaceAll('_', ' ');
  const wanted = title.charAt(0).toUpperCase() + title.slice(1);
  return rows.filter((row) => row.includes(wanted));
}
