import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_MESSAGE_TEMPLATES, ACCOUNT_POINTERS_AR, messagePartKeys } from '../../src/domain/messageWording.ts';

const read = (language: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../locales/${language}/notifications.json`, import.meta.url)), 'utf8')) as Record<string, Record<string, string>>;

describe('messages to people without an online account', () => {
  it('chooses the wording without an account first, and falls back to the common wording', () => {
    expect(messagePartKeys('requestSubmitted', 'sms', { hasAccount: false })).toEqual(['requestSubmitted.smsWithoutAccount', 'requestSubmitted.sms']);
    expect(messagePartKeys('requestSubmitted', 'sms', { hasAccount: true })).toEqual(['requestSubmitted.sms']);
    expect(messagePartKeys('activationCode', 'sms', { hasAccount: false })).toEqual(['activationCode.sms']);
    expect(messagePartKeys('serviceDelivered', 'email', { hasAccount: false })).toEqual([
      'serviceDelivered.emailWithoutAccount',
      'serviceDelivered.email',
      'serviceDelivered.smsWithoutAccount',
      'serviceDelivered.sms',
    ]);
  });

  it('has, for every message that points to the account, a wording without it in both languages', () => {
    const arabic = read('ar');
    const english = read('en');
    for (const [template, parts] of Object.entries(arabic)) {
      if (ACCOUNT_MESSAGE_TEMPLATES.includes(template)) continue;
      for (const part of ['sms', 'email'] as const) {
        if (!parts[part] || !ACCOUNT_POINTERS_AR.some((words) => parts[part]!.includes(words))) continue;
        const chosen = messagePartKeys(template, part, { hasAccount: false }).map((key) => key.split('.')[1]!).find((key) => parts[key]);
        expect(chosen, `${template}.${part}`).toBe(`${part}WithoutAccount`);
        expect(english[template]?.[`${part}WithoutAccount`], `en ${template}.${part}WithoutAccount`).toBeTruthy();
        expect(parts[`${part}WithoutAccount`]).toContain('{{orgPhone}}');
      }
    }
  });
});
