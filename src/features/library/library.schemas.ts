import { z } from 'zod';
import type { LibraryLicence } from './library.tables';

/** The licences an organisation can share under: the name shown, and what it lets others do. */
export const LICENCES: Record<LibraryLicence, { name: string; hint: string }> = {
  'cc-by-4.0': { name: 'CC BY 4.0', hint: 'Anyone may copy, change and share it, saying where it came from.' },
  'cc-by-sa-4.0': {
    name: 'CC BY-SA 4.0',
    hint: 'Anyone may copy, change and share it, saying where it came from, and sharing their changes under the same licence.',
  },
  'installation-only': {
    name: 'All rights reserved, copying allowed within this installation',
    hint: 'Organisations on this Waymark installation may copy and change it for their own use; nobody may share it further.',
  },
};

export const LIMITS = { name: 120, description: 2000, title: 200 } as const;

const trimmed = (max: number, missing: string, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);

/** Sharing a framework version or a programme design. */
export const shareForm = z.object({
  /** `framework:<published version id>` or `programme:<programme id>`. */
  source: z.string().regex(/^(framework|programme):[A-Za-z0-9-]{1,64}$/, 'Select what to share'),
  name: trimmed(LIMITS.name, 'Enter a name', `Name must be ${LIMITS.name} characters or fewer`),
  description: trimmed(LIMITS.description, 'Enter a description', `Description must be ${LIMITS.description} characters or fewer`),
  licence: z.enum(['cc-by-4.0', 'cc-by-sa-4.0', 'installation-only'], { message: 'Select a licence' }),
});
export type ShareForm = z.infer<typeof shareForm>;

/** Copying an item: its title in the copying organisation. */
export const copyForm = z.object({
  title: trimmed(LIMITS.title, 'Enter a title for the copy', `Title must be ${LIMITS.title} characters or fewer`),
});
export type CopyForm = z.infer<typeof copyForm>;
