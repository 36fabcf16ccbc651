import { z } from 'zod';

export const staffLoginSchema = z.object({
  email: z.string({ error: 'login.emailRequired' }).trim().min(1, 'login.emailRequired').max(254, 'login.emailRequired'),
  password: z.string({ error: 'login.passwordRequired' }).min(1, 'login.passwordRequired').max(200, 'login.passwordRequired'),
});
