import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/roles.ts';

const rolesField = z
  .union([z.string(), z.array(z.string())], { error: 'roles.required' })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.enum(STAFF_ROLES, { error: 'roles.invalid' })).min(1, 'roles.required'));

const staffFields = {
  fullName: z.string({ error: 'staffName.required' }).trim().min(1, 'staffName.required').max(100, 'staffName.tooLong'),
  email: z.string({ error: 'email.required' }).trim().min(1, 'email.required').max(254, 'email.invalid').pipe(z.email('email.invalid')),
  roles: rolesField,
};

const password = z.string().min(12, 'password.tooShort').max(200, 'password.tooLong');

export const newStaffSchema = z.object({
  ...staffFields,
  password: z.string({ error: 'password.required' }).min(1, 'password.required').pipe(password),
});

export const editStaffSchema = z.object({
  ...staffFields,
  active: z.enum(['true', 'false'], { error: 'active.required' }).transform((value) => value === 'true'),
  password: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(password.optional()),
});
