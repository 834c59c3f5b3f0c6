import { z } from 'zod';

const email = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@school.org.uk');

export const signInForm = z.object({
  /** The person's work email. */
  email,
  /** Checked against the argon2id hash; never echoed back. */
  password: z.string().min(1, 'Enter your password').max(1000, 'Enter your password'),
  /** Where to go afterwards: a local path only. */
  next: z.string().optional(),
  /** The organisation whose sign-in page this is (for its single sign-on buttons), if any. */
  organisation: z.string().optional(),
});

export const emailLinkForm = z.object({
  /** The email to send the link to, if it belongs to someone. */
  email,
});

export const newPasswordForm = z
  .object({
    /** At least 12 characters: length beats complexity rules (NCSC guidance). */
    password: z.string().min(1, 'Enter a new password').min(12, 'Password must be 12 characters or more').max(256, 'Password must be 256 characters or fewer'),
    /** Must match, to catch a typo. */
    confirmPassword: z.string().min(1, 'Confirm your new password'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' });
