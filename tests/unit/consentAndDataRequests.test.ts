import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consentGiven, isOptionalMessage, NECESSARY_MESSAGE_TEMPLATES, OPTIONAL_MESSAGE_TEMPLATES } from '../../src/domain/consent.ts';
import { answerDueAt, daysLeft, decideAnswer, decideExtension, decideRefusal, destructionBlocker, isOverdue, dataRequestReference } from '../../src/domain/dataRequests.ts';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

describe('consent to optional messages', () => {
  it('classifies every message template the service writes', () => {
    const templates = Object.keys(JSON.parse(readFileSync(new URL('../../locales/ar/notifications.json', import.meta.url), 'utf8')) as object);
    const unclassified = templates.filter((template) => !NECESSARY_MESSAGE_TEMPLATES.includes(template) && !OPTIONAL_MESSAGE_TEMPLATES.includes(template));
    expect(unclassified).toEqual([]);
    expect(templates.filter(isOptionalMessage)).toEqual([...OPTIONAL_MESSAGE_TEMPLATES]);
  });

  it('treats an unknown template as optional', () => {
    expect(isOptionalMessage('newsletter')).toBe(true);
    expect(isOptionalMessage('mobileVerification')).toBe(false);
  });

  it('applies the latest record, and none means not given', () => {
    expect(consentGiven([], 'optional_messages')).toBe(false);
    const records = [
      { purpose: 'optional_messages', granted: true, at: day('2026-01-01') },
      { purpose: 'optional_messages', granted: false, at: day('2026-02-01') },
    ];
    expect(consentGiven(records, 'optional_messages')).toBe(false);
    expect(consentGiven([...records, { purpose: 'optional_messages', granted: true, at: day('2026-03-01') }], 'optional_messages')).toBe(true);
  });
});

describe('the 30-day clock for data requests', () => {
  const received = day('2026-03-01');
  const open = { status: 'open', dueAt: answerDueAt(received), extendedAt: null };

  it('is due 30 days after receipt and overdue only after that', () => {
    expect(open.dueAt.toISOString()).toBe('2026-03-31T09:00:00.000Z');
    expect(isOverdue(open, day('2026-03-31'))).toBe(false);
    expect(isOverdue(open, new Date('2026-03-31T09:00:01Z'))).toBe(true);
    expect(daysLeft(open, day('2026-03-21'))).toBe(10);
    expect(isOverdue({ ...open, status: 'answered' }, day('2026-05-01'))).toBe(false);
  });

  it('extends once by 30 days, and only before the deadline', () => {
    const extension = decideExtension(open, day('2026-03-20'));
    expect(extension).toEqual({ ok: true, dueAt: new Date('2026-04-30T09:00:00Z') });
    expect(decideExtension({ ...open, status: 'extended', extendedAt: day('2026-03-20') }, day('2026-03-25'))).toEqual({ ok: false, code: 'privacy:errors.alreadyExtended' });
    expect(decideExtension(open, day('2026-04-01'))).toEqual({ ok: false, code: 'privacy:errors.extensionTooLate' });
    expect(decideExtension({ ...open, status: 'refused' }, day('2026-03-02'))).toEqual({ ok: false, code: 'privacy:errors.notOpen' });
  });

  it('refuses destruction while a case is open or support was paid', () => {
    expect(destructionBlocker({ openRequests: 1, supportRecords: 1 })).toBe('open_case');
    expect(destructionBlocker({ openRequests: 0, supportRecords: 2 })).toBe('support_paid');
    expect(destructionBlocker({ openRequests: 0, supportRecords: 0 })).toBeNull();
    expect(decideAnswer({ status: 'open', kind: 'destruction' }, 'support_paid')).toEqual({ ok: false, code: 'privacy:errors.mustBeRefused' });
    expect(decideAnswer({ status: 'open', kind: 'correction' }, null)).toEqual({ ok: true });
    expect(decideAnswer({ status: 'answered', kind: 'correction' }, null)).toEqual({ ok: false, code: 'privacy:errors.notOpen' });
    expect(decideRefusal({ status: 'extended' })).toEqual({ ok: true });
  });

  it('gives each request a readable reference', () => {
    expect(dataRequestReference(42, received)).toBe('DR-2026-000042');
  });
});
