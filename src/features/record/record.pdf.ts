// The leadership record as a tagged A4 PDF: what the person chose to include, each item with where
// it came from, and each certificate's check link. Headings, paragraphs and lists sit in the
// structure tree, so screen readers and text extraction read it in order.

import { formatDate } from '../../platform/dates';
import { type Doc, GREY, heading, list, paragraph, type StructureElement, startDocument, table } from '../../platform/documents/pdf';
import { impactRows, JUDGEMENTS } from '../projects';
import { type BundleProgramme, type BundleProject, type BundleRole, roleAt, roleSpan } from './record.bundle';
import type { ComposedRecord, ImportedItem } from './record.service';

const dates = (from: string | null, to: string | null) => (!from ? '' : to && to !== from ? `${formatDate(from)} to ${formatDate(to)}` : formatDate(from));

function recorded(item: { organisation: string; broughtFrom: string | null }): string {
  const text = `Recorded by Waymark from ${item.organisation || 'the organisation'}’s records`;
  return item.broughtFrom ? `${text}; brought from ${item.broughtFrom}.` : `${text}.`;
}

function brought(i: ImportedItem): string {
  return i.verified
    ? `Brought from ${i.broughtFrom}, verified on import on ${formatDate(i.importedAt)}.`
    : `Brought from ${i.broughtFrom}; could not be verified on import: ${i.reason ?? ''}`;
}

function roleRecorded(r: BundleRole): string {
  const text = `Recorded by Waymark from ${r.organisation || 'the organisation'}’s staff records`;
  return r.broughtFrom ? `${text}; brought from ${r.broughtFrom}.` : `${text}.`;
}

function roleLine(r: BundleRole, from: string): string {
  return `${roleAt(r)}: ${r.jobTitle && r.leadershipLevel ? `${r.leadershipLevel}, ` : ''}${roleSpan(r)}. ${from}`;
}

function programmeLine(p: BundleProgramme, from: string): string {
  const when = dates(p.startedOn, p.endedOn);
  return `${p.programme}${p.stage ? ` (${p.stage})` : ''}: ${p.cohort ? `${p.cohort}, ` : ''}${when ? `${when}, ` : ''}completed ${
    p.completedOn ? formatDate(p.completedOn) : ''
  }${p.organisation ? `, run by ${p.organisation}` : ''}. ${from}`;
}

/** A project's public summary: aim, skills, criteria, each measure's figures, the assessment. */
function project(doc: Doc, document: StructureElement, p: BundleProject, from: string) {
  heading(doc, document, 3, p.title);
  paragraph(doc, document, `Aim: ${p.aim}`);
  if (p.peopleAffected) paragraph(doc, document, `Who it is for: ${p.peopleAffected}`);
  if (p.skills.length > 0) paragraph(doc, document, `Skills it evidences: ${p.skills.map((k) => `${k.code} ${k.title}`).join('; ')}`);
  if (p.criteria.length > 0) list(doc, document, p.criteria, 'numbered');
  for (const m of p.measures) {
    paragraph(doc, document, `${m.name} (${m.unit})`, { colour: GREY });
    table(doc, document, ['Date', 'Figure'], impactRows(m), ['*', 120]);
  }
  if (p.assessment) {
    paragraph(
      doc,
      document,
      `Assessed on ${formatDate(p.assessment.assessedOn)}: ${p.assessment.outcome === 'met' ? 'every success criterion met' : 'not yet met'}.`,
    );
    if (p.assessment.criteria.length > 0)
      table(
        doc,
        document,
        ['Success criterion', 'Judgement'],
        p.assessment.criteria.map((c) => [c.text, JUDGEMENTS[c.judgement]]),
        ['*', 90],
      );
  } else paragraph(doc, document, 'Not assessed yet.');
  paragraph(doc, document, from);
}

/** Renders the record. `compress: false` (for tests) leaves the text streams readable. */
export async function renderRecordPdf(record: ComposedRecord, baseUrl: string, options: { compress?: boolean; madeOn: string }): Promise<Buffer> {
  const title = `Leadership record: ${record.personName}`;
  const { doc, document, finish } = await startDocument({ title, author: record.personName, compress: options.compress });

  heading(doc, document, 1, title);
  paragraph(doc, document, `Made on ${formatDate(options.madeOn)} from Waymark. It shows what ${record.givenName} chose to include.`, { colour: GREY });
  if (record.statement) {
    heading(doc, document, 2, 'Personal statement');
    paragraph(doc, document, record.statement);
  }
  heading(doc, document, 2, 'Certificates');
  if (record.certificates.length === 0) paragraph(doc, document, 'No certificates included.');
  list(
    doc,
    document,
    record.certificates.map(
      (c) =>
        `${c.programme_title}${c.stage ? ` (${c.stage})` : ''}: completed ${formatDate(c.completed_at)}, issued by ${c.issuer_name} on ${formatDate(c.issued_at)}.${
          c.revoked_at ? ` Revoked by the issuer on ${formatDate(c.revoked_at)}.` : ''
        } Check it at ${baseUrl}/certificates/${c.code}`,
    ),
    'bullet',
  );
  heading(doc, document, 2, 'Professional development');
  if (record.entries.length === 0) paragraph(doc, document, 'No portfolio entries included.');
  for (const e of record.entries) {
    heading(doc, document, 3, e.title);
    const when = e.endedOn && e.endedOn !== e.startedOn ? `${formatDate(e.startedOn)} to ${formatDate(e.endedOn)}` : formatDate(e.startedOn);
    paragraph(doc, document, `${e.kind}, ${when}${e.hours !== null ? `, ${e.hours} ${e.hours === 1 ? 'hour' : 'hours'}` : ''}.`, { colour: GREY });
    if (e.reflection) paragraph(doc, document, `What changed, and for whom: ${e.reflection}`);
    paragraph(doc, document, e.source === 'waymark' ? `Recorded by Waymark from ${record.organisationName}’s records.` : `Added by ${record.givenName}.`);
    paragraph(
      doc,
      document,
      e.verification
        ? `Verified by ${e.verification.name}, ${e.verification.role ?? e.verification.relationship.toLowerCase()}, ${formatDate(e.verification.on)}${
            e.verification.statement ? `: “${e.verification.statement}”` : '.'
          }`
        : 'Not verified by anyone else.',
    );
  }
  const importedProgrammes = record.imported.flatMap((i) => (i.programme ? [{ item: i, programme: i.programme }] : []));
  const importedProjects = record.imported.flatMap((i) => (i.project ? [{ item: i, project: i.project }] : []));
  const importedOthers = record.imported.filter((i) => i.kind === 'certificate' || i.kind === 'entry');
  const importedRoles = record.imported.flatMap((i) => (i.role ? [{ item: i, role: i.role }] : []));
  if (record.roles.length + importedRoles.length > 0) {
    heading(doc, document, 2, 'Roles held');
    list(
      doc,
      document,
      [...record.roles.map((r) => roleLine(r, roleRecorded(r))), ...importedRoles.map(({ item, role }) => roleLine(role, brought(item)))],
      'bullet',
    );
  }
  if (record.programmes.length + importedProgrammes.length > 0) {
    heading(doc, document, 2, 'Programmes completed');
    list(
      doc,
      document,
      [
        ...record.programmes.map((p) => programmeLine(p, recorded(p))),
        ...importedProgrammes.map(({ item, programme }) => programmeLine(programme, brought(item))),
      ],
      'bullet',
    );
  }
  if (record.projects.length + importedProjects.length > 0) {
    heading(doc, document, 2, 'Projects and their impact');
    for (const p of record.projects) project(doc, document, p, recorded(p));
    for (const { item, project: p } of importedProjects) project(doc, document, p, brought(item));
  }
  if (importedOthers.length > 0) {
    heading(doc, document, 2, 'Brought from other organisations');
    list(
      doc,
      document,
      importedOthers.map((i) => `${i.title}${i.certificate ? `, issued by ${i.certificate.issuedBy}` : ''}. ${brought(i)}`),
      'bullet',
    );
  }
  return finish();
}
