import { z } from 'zod';

/** A comma-, space- or line-separated list, lower-cased, without repeats. */
const list = (value: string) => [
  ...new Set(
    value
      .split(/[\s,;]+/)
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  ),
];

const clientId = z.string().trim().min(1, 'Enter the client ID').max(200, 'The client ID must be 200 characters or fewer');
/** Left empty when changing a saved set-up: the saved secret is kept. */
const clientSecret = z.string().trim().max(500, 'The client secret must be 500 characters or fewer');

export const microsoftForm = z.object({
  /** Directory (tenant) IDs: one for a single tenant, several for a multi-tenant app with an allow-list. */
  tenantIds: z
    .string()
    .transform(list)
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Each tenant ID must look like 72f988bf-86f1-41af-91ab-2d7cd011db47'),
        )
        .min(1, 'Enter the directory (tenant) ID')
        .max(20, 'Enter 20 tenant IDs or fewer'),
    ),
  clientId,
  clientSecret,
});

export const googleForm = z.object({
  /** The Google Workspace domains whose accounts may sign in (the ID token's `hd` claim). */
  domains: z
    .string()
    .transform(list)
    .pipe(
      z
        .array(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Each domain must look like school.org.uk'))
        .min(1, 'Enter your Google Workspace domain')
        .max(20, 'Enter 20 domains or fewer'),
    ),
  clientId,
  clientSecret,
});

export const passwordsForm = z.discriminatedUnion('passwords', [
  z.object({ passwords: z.literal('on') }),
  z.object({
    passwords: z.literal('off'),
    /** The one organisation admin who may still sign in with a password if single sign-on breaks. */
    breakGlassPersonId: z.string().min(1, 'Select the administrator who may still use a password'),
  }),
]);
