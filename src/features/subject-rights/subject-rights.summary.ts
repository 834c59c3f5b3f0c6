import type { PersonalDataExport } from '../../platform/module';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A cell's value as a reader sees it: JSON held as text is shown as it is. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return escapeHtml(JSON.stringify(value));
  return escapeHtml(String(value));
}

function section(title: string, rows: unknown): string {
  if (!Array.isArray(rows)) return `<h3>${escapeHtml(title)}</h3><pre>${show(rows)}</pre>`;
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.replaceAll('_', ' '))}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${show((r as Record<string, unknown>)[c])}</td>`).join('')}</tr>`).join('\n');
  return `<h3>${escapeHtml(title)} (${rows.length})</h3>\n<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** The export's readable summary: one page, no scripts, readable offline in any browser. */
export function summaryHtml(args: {
  personName: string;
  organisationName: string;
  madeAt: string;
  parts: { feature: string; title: string; holds: string[]; part: PersonalDataExport }[];
}): string {
  const withheld = args.parts.flatMap((p) => p.part.withheld.map((w) => `<li><strong>${escapeHtml(p.title)}:</strong> ${escapeHtml(w)}</li>`));
  const sections = args.parts
    .filter((p) => Object.keys(p.part.data).length > 0 || p.part.files.length > 0)
    .map(
      (p) =>
        `<section><h2>${escapeHtml(p.title)}</h2>\n<p>What this part of Waymark keeps: ${escapeHtml(p.holds.join('; ') || 'nothing about people')}.</p>\n<p>As data: <a href="data/${escapeHtml(p.feature)}.json">data/${escapeHtml(p.feature)}.json</a></p>\n${Object.entries(
          p.part.data,
        )
          .map(([key, rows]) => section(key, rows))
          .join(
            '\n',
          )}${p.part.files.length > 0 ? `<h3>Files</h3><ul>${p.part.files.map((f) => `<li><a href="files/${escapeHtml(p.feature)}/${escapeHtml(f.fileId)}-${escapeHtml(f.name)}">${escapeHtml(f.name)}</a></li>`).join('')}</ul>` : ''}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Personal data held about ${escapeHtml(args.personName)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.4; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; margin-bottom: 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.scroll { overflow-x: auto; }
section { border-top: 2px solid #0b0c0c; margin-top: 2rem; }
</style>
</head>
<body>
<main>
<h1>Personal data held about ${escapeHtml(args.personName)}</h1>
<p>This is everything Waymark, the leadership development service of ${escapeHtml(args.organisationName)}, holds about ${escapeHtml(args.personName)}, as it stood on ${escapeHtml(args.madeAt.slice(0, 10))} at ${escapeHtml(args.madeAt.slice(11, 16))} (UTC). Each part is below and, as data, in the <code>data</code> folder; files are in the <code>files</code> folder.</p>
<h2>What is withheld, and why</h2>
${withheld.length > 0 ? `<ul>\n${withheld.join('\n')}\n</ul>` : '<p>Nothing is withheld.</p>'}
${sections}
</main>
</body>
</html>
`;
}
