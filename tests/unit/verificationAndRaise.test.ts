import { describe, expect, it } from 'vitest';
import { raiseBlockers, type RaiseGuardInput } from '../../src/domain/raiseGuard.ts';
import {
  missingVerificationItems,
  validateVerificationLine,
  VERIFICATION_ITEMS,
  verificationItemLabelKey,
} from '../../src/domain/verification.ts';

describe('validateVerificationLine', () => {
  it('accepts verified and not-applicable lines without a note', () => {
    expect(validateVerificationLine({ item: 'identity', outcome: 'verified' })).toEqual([]);
    expect(
      validateVerificationLine({ item: 'housing', outcome: 'not_applicable', note: '' }),
    ).toEqual([]);
  });

  it('requires a note explaining a mismatch', () => {
    expect(validateVerificationLine({ item: 'income', outcome: 'mismatch', note: '   ' })).toEqual([
      'verification.noteRequired',
    ]);
    expect(
      validateVerificationLine({
        item: 'income',
        outcome: 'mismatch',
        note: 'الراتب أعلى من المصرح به',
      }),
    ).toEqual([]);
  });

  it('rejects unknown items and outcomes together', () => {
    expect(validateVerificationLine({ item: 'car', outcome: 'maybe' })).toEqual([
      'verification.item',
      'verification.outcome',
    ]);
    expect(validateVerificationLine({ item: undefined, outcome: ['verified'] })).toEqual([
      'verification.item',
      'verification.outcome',
    ]);
  });

  it('limits note length', () => {
    expect(
      validateVerificationLine({ item: 'income', outcome: 'verified', note: 'x'.repeat(1000) }),
    ).toEqual([]);
    expect(
      validateVerificationLine({ item: 'income', outcome: 'verified', note: 'x'.repeat(1001) }),
    ).toEqual(['verification.noteTooLong']);
  });
});

describe('missingVerificationItems', () => {
  it('counts absent and mismatched items as missing, in the required order', () => {
    const lines = [
      { item: 'identity', outcome: 'verified' },
      { item: 'income', outcome: 'mismatch' },
      { item: 'housing', outcome: 'not_applicable' },
    ];
    expect(missingVerificationItems(VERIFICATION_ITEMS, lines)).toEqual([
      'household',
      'income',
      'bank_account',
      'documents',
    ]);
  });

  it('lets a later line supersede an earlier one', () => {
    expect(
      missingVerificationItems(
        ['income'],
        [
          { item: 'income', outcome: 'mismatch' },
          { item: 'income', outcome: 'verified' },
        ],
      ),
    ).toEqual([]);
    expect(
      missingVerificationItems(
        ['income'],
        [
          { item: 'income', outcome: 'verified' },
          { item: 'income', outcome: 'mismatch' },
        ],
      ),
    ).toEqual(['income']);
  });

  it('ignores lines for items that are not required and duplicate requirements', () => {
    expect(
      missingVerificationItems(['identity', 'identity'], [{ item: 'income', outcome: 'verified' }]),
    ).toEqual(['identity']);
    expect(missingVerificationItems([], [])).toEqual([]);
  });

  it('has label keys', () => {
    expect(verificationItemLabelKey('bank_account')).toBe('verification.items.bank_account');
  });
});

describe('raiseBlockers', () => {
  const ready: RaiseGuardInput = {
    requiredItems: ['identity', 'income'],
    verificationLines: [
      { item: 'identity', outcome: 'verified' },
      { item: 'income', outcome: 'not_applicable' },
    ],
    declarationValid: true,
    openReferralCount: 0,
    idExpiryDate: '2026-03-04',
    submittedAt: '2026-03-04',
  };

  it('returns nothing when the case may go to the committee (ID expiring on the submission day is fine)', () => {
    expect(raiseBlockers(ready)).toEqual([]);
  });

  it('reports each missing verification item separately', () => {
    expect(
      raiseBlockers({ ...ready, verificationLines: [{ item: 'income', outcome: 'mismatch' }] }),
    ).toEqual([
      { code: 'raise.verificationIncomplete', item: 'identity' },
      { code: 'raise.verificationIncomplete', item: 'income' },
    ]);
  });

  it('reports each other blocker', () => {
    expect(raiseBlockers({ ...ready, declarationValid: false })).toEqual([
      { code: 'raise.declarationMissingOrStale' },
    ]);
    expect(raiseBlockers({ ...ready, openReferralCount: 2 })).toEqual([
      { code: 'raise.referralOpen' },
    ]);
    expect(raiseBlockers({ ...ready, idExpiryDate: '2026-03-03' })).toEqual([
      { code: 'raise.idExpired' },
    ]);
  });

  it('reports everything at once', () => {
    const blockers = raiseBlockers({
      ...ready,
      verificationLines: [],
      declarationValid: false,
      openReferralCount: 1,
      idExpiryDate: '2020-01-01',
    });
    expect(blockers.map((b) => b.code)).toEqual([
      'raise.verificationIncomplete',
      'raise.verificationIncomplete',
      'raise.declarationMissingOrStale',
      'raise.referralOpen',
      'raise.idExpired',
    ]);
  });
});
