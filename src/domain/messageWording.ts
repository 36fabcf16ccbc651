/**
 * Messages about the online account itself, which go to whoever holds the national ID with or without an account,
 * and about drafts, which only an account holder can have.
 */
export const ACCOUNT_MESSAGE_TEMPLATES: readonly string[] = [
  'draftReminder',
  'draftRemovalWarning',
  'mobileVerification',
  'passwordReset',
  'passwordChanged',
  'registrationAttempted',
  'activationCode',
  'mobileChange',
  'mobileChanged',
];

export type MessagePart = 'sms' | 'email';

/**
 * The translation keys of a message, first match wins. Someone recorded at the desk without an
 * online account gets the wording that gives the reference and the association's phone instead of
 * sending them to an account they do not have.
 */
export function messagePartKeys(template: string, part: MessagePart, { hasAccount }: { hasAccount: boolean }): string[] {
  const ownWording = hasAccount || ACCOUNT_MESSAGE_TEMPLATES.includes(template) ? [] : [`${template}.${part}WithoutAccount`];
  const keys = [...ownWording, `${template}.${part}`];
  // An e-mail without its own body says what the SMS says.
  return part === 'email' ? [...keys, ...messagePartKeys(template, 'sms', { hasAccount })] : keys;
}

/** Words in a message that send the reader to the online account (used by the locale test). */
export const ACCOUNT_POINTERS_AR = ['حسابك', '«بياناتي»', '«أسئلتي»'];
