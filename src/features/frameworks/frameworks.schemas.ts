import { z } from 'zod';
import type { FrameworkLevel, FrameworkTrack } from './frameworks.tables';

export const TRACKS: Record<FrameworkTrack, string> = {
  teaching: 'Teaching staff',
  associate: 'Associate staff',
  both: 'Teaching and associate staff',
};

/** The stages level descriptors are written for, unless a framework says otherwise. */
export const DEFAULT_LEVELS: FrameworkLevel[] = [
  { key: 'middle', title: 'Towards middle leadership' },
  { key: 'senior', title: 'Towards senior leadership' },
  { key: 'headship', title: 'Towards headship' },
];

/** Longest text each field takes; shared by the forms and the import files. */
export const LIMITS = {
  frameworkTitle: 120,
  frameworkDescription: 1000,
  domainTitle: 150,
  domainDescription: 1000,
  code: 12,
  skillTitle: 150,
  skillDescription: 600,
  descriptor: 600,
  levelKey: 32,
  levelTitle: 100,
  levels: 10,
  domains: 100,
  skills: 1000,
} as const;

/** How many level rows the levels form offers (blank rows are ignored). */
export const LEVEL_ROWS = 6;

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const LEVEL_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** Text that must be given: `label` names the field in messages ("code is missing"). */
const required = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label} is missing` : `${label} must be text`) })
    .trim()
    .min(1, `${label} is missing`)
    .max(max, `${label} must be ${max} characters or fewer`);

/** Text that may be left out or blank (becomes ''). */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => v ?? '');

export const trackField = z.enum(['teaching', 'associate', 'both'], { error: 'track must be teaching, associate or both' });

export const codeField = required('code', LIMITS.code).regex(
  CODE_PATTERN,
  'code must use only letters, numbers, full stops, hyphens and underscores, like SC1',
);

export const levelSchema = z.object({
  key: required('key', LIMITS.levelKey)
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(LEVEL_KEY_PATTERN, 'key must use only lower-case letters, numbers, hyphens and underscores, like middle')),
  title: required('title', LIMITS.levelTitle),
});

/** One skill as an import file states it. */
export const skillSchema = z.object({
  code: codeField,
  title: required('title', LIMITS.skillTitle),
  description: optionalText('description', LIMITS.skillDescription),
  descriptors: z
    .record(z.string(), optionalText('descriptor', LIMITS.descriptor), { error: 'descriptors must be an object of level key to text' })
    .nullish()
    .transform((v) => Object.fromEntries(Object.entries(v ?? {}).filter(([, text]) => text !== ''))),
});

export const domainSchema = z.object({
  title: required('title', LIMITS.domainTitle),
  description: optionalText('description', LIMITS.domainDescription),
  skills: z
    .array(skillSchema, { error: 'skills must be a list' })
    .max(LIMITS.skills, `a domain can have at most ${LIMITS.skills} skills`)
    .nullish()
    .transform((v) => v ?? []),
});

/**
 * The JSON file format: { title, description, track, levels: [{key, title}], domains: [{title,
 * description, skills: [{code, title, description, descriptors: {levelKey: text}}]}] }. Title and
 * track may be left out when the import form gives them; levels default to the framework's.
 */
export const documentSchema = z.object(
  {
    title: optionalText('title', LIMITS.frameworkTitle),
    description: optionalText('description', LIMITS.frameworkDescription),
    track: trackField.nullish(),
    levels: z
      .array(levelSchema, { error: 'levels must be a list' })
      .min(1, 'levels must name at least one level')
      .max(LIMITS.levels, `a framework can have at most ${LIMITS.levels} levels`)
      .nullish(),
    domains: z
      .array(domainSchema, { error: 'domains must be a list' })
      .max(LIMITS.domains, `a framework can have at most ${LIMITS.domains} domains`)
      .nullish()
      .transform((v) => v ?? []),
  },
  { error: 'The file must hold one framework: an object with title, track, levels and domains' },
);

// ----- Forms -----

const formText = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
const formOptional = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, `${label} must be ${max} characters or fewer`));

export const frameworkForm = z.object({
  /** What the organisation calls the framework; unique in the organisation. */
  title: formText('Enter a title', 'Title', LIMITS.frameworkTitle),
  /** What the framework is for, shown on its pages. */
  description: formOptional('Description', LIMITS.frameworkDescription),
  /** Who the framework is written for. */
  track: z.enum(['teaching', 'associate', 'both'], { error: 'Select who the framework is for' }),
});
export type FrameworkForm = z.infer<typeof frameworkForm>;

export const domainForm = z.object({
  /** A heading that groups skills, like "School culture". */
  title: formText('Enter a title for the domain', 'Title', LIMITS.domainTitle),
  description: formOptional('Description', LIMITS.domainDescription),
});
export type DomainForm = z.infer<typeof domainForm>;

export const skillForm = z.object({
  /** The domain the skill sits in. */
  domainId: z.string({ error: 'Select a domain' }).min(1, 'Select a domain'),
  /** Short code, unique in the version, like SC1. */
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .min(1, 'Enter a code')
    .max(LIMITS.code, `Code must be ${LIMITS.code} characters or fewer`)
    .regex(CODE_PATTERN, 'Code must use only letters, numbers, full stops, hyphens and underscores, like SC1'),
  title: formText('Enter a title for the skill', 'Title', LIMITS.skillTitle),
  /** One sentence on what the skill is. */
  description: formOptional('Description', LIMITS.skillDescription),
});
export type SkillForm = z.infer<typeof skillForm>;

export const importForm = z.object({
  /** Make a new framework from the file, or a new draft of one that exists. */
  target: z.enum(['new', 'draft'], { error: 'Select whether to make a new framework or a new draft of an existing one' }),
  /** For a new framework: required for CSV; for JSON, blank means the file's title. */
  title: formOptional('Title', LIMITS.frameworkTitle),
  /** For a new framework: required for CSV; for JSON, blank means the file's track. */
  track: z.enum(['teaching', 'associate', 'both', '']).optional().catch(undefined),
  /** For a new draft: the framework it belongs to. */
  frameworkId: z.string().optional(),
});
export type ImportForm = z.infer<typeof importForm>;

/** Parses a stored levels column. */
export function parseLevels(json: string): FrameworkLevel[] {
  return z.array(z.object({ key: z.string(), title: z.string() })).parse(JSON.parse(json));
}

/** Parses a stored descriptors column. */
export function parseDescriptors(json: string): Record<string, string> {
  return z.record(z.string(), z.string()).parse(JSON.parse(json));
}
