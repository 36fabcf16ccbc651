import { z } from 'zod';

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'login.passwordRequired' })
      .min(1, 'login.passwordRequired')
      .max(200, 'password.currentWrong'),
    newPassword: z
      .string({ error: 'password.required' })
      .min(1, 'password.required')
      .min(12, 'password.tooShort')
      .max(200, 'password.tooLong'),
    newPasswordConfirm: z.string().optional(),
  })
  .refine((form) => form.newPasswordConfirm === form.newPassword, {
    path: ['newPasswordConfirm'],
    message: 'password.mismatch',
  });
