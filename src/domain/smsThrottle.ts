/**
 * Limits on codes sent by SMS, counted per account and per mobile from the outbox (so every server
 * sees the same count): one code a minute, a few an hour, a few more a day.
 */

export const SMS_CODE_COOLDOWN_SECONDS = 60;
export const SMS_CODES_PER_HOUR = 5;
export const SMS_CODES_PER_DAY = 10;
/** Code requests from one IP address per hour, across accounts. */
export const SMS_CODE_REQUESTS_PER_IP_HOUR = 20;

export type SmsAllowance = { ok: true } | { ok: false; reason: 'cooldown' | 'hourly' | 'daily'; retryAt: Date };

/** `sentAt` lists when earlier codes to the same account or mobile were queued, in any order. */
export function smsAllowance(sentAt: Date[], now: Date): SmsAllowance {
  const ago = (ms: number) => sentAt.filter((at) => at.getTime() > now.getTime() - ms).sort((a, b) => a.getTime() - b.getTime());
  const lastMinute = ago(SMS_CODE_COOLDOWN_SECONDS * 1000);
  if (lastMinute.length > 0) return { ok: false, reason: 'cooldown', retryAt: new Date(lastMinute[lastMinute.length - 1]!.getTime() + SMS_CODE_COOLDOWN_SECONDS * 1000) };
  const lastHour = ago(3_600_000);
  if (lastHour.length >= SMS_CODES_PER_HOUR) return { ok: false, reason: 'hourly', retryAt: new Date(lastHour[lastHour.length - SMS_CODES_PER_HOUR]!.getTime() + 3_600_000) };
  const lastDay = ago(86_400_000);
  if (lastDay.length >= SMS_CODES_PER_DAY) return { ok: false, reason: 'daily', retryAt: new Date(lastDay[lastDay.length - SMS_CODES_PER_DAY]!.getTime() + 86_400_000) };
  return { ok: true };
}

/** Templates whose body carries a secret code: counted by the limits, and blanked once delivered. */
export const CODE_TEMPLATES = ['mobileVerification', 'passwordReset', 'activationCode', 'mobileChange'] as const;
/** Messages a stranger can trigger to someone's mobile; throttled like codes so they cannot be used to flood it. */
export const THROTTLED_TEMPLATES = [...CODE_TEMPLATES, 'registrationAttempted'] as const;
export const carriesCode = (template: string): boolean => (CODE_TEMPLATES as readonly string[]).includes(template);
