import { describe, expect, it } from 'vitest';
import { CHANNELS, channelLabelKey, isChannel } from '../../src/domain/channels.ts';
import {
  hasAnyRole,
  isStaffRole,
  parseRoles,
  roleLabelKey,
  serializeRoles,
  STAFF_ROLES,
} from '../../src/domain/roles.ts';

describe('roles', () => {
  it('lists the six staff roles', () => {
    expect(STAFF_ROLES).toEqual([
      'admin',
      'relations_officer',
      'social_researcher',
      'committee_member',
      'committee_chair',
      'manager',
    ]);
  });

  it('parses CSV, trimming, deduplicating and sorting', () => {
    expect(parseRoles(' manager, admin ,manager,,committee_chair ')).toEqual([
      'admin',
      'committee_chair',
      'manager',
    ]);
    expect(parseRoles('')).toEqual([]);
  });

  it('refuses unknown roles instead of guessing', () => {
    expect(() => parseRoles('admin,superuser')).toThrow(RangeError);
    expect(() => parseRoles('Admin')).toThrow(RangeError);
    expect(() => serializeRoles(['root'])).toThrow(RangeError);
  });

  it('serializes canonically so the stored value round-trips', () => {
    const csv = serializeRoles(['relations_officer', 'admin', 'relations_officer']);
    expect(csv).toBe('admin,relations_officer');
    expect(parseRoles(csv)).toEqual(['admin', 'relations_officer']);
  });

  it('checks membership', () => {
    expect(hasAnyRole(['manager'], ['relations_officer', 'manager'])).toBe(true);
    expect(hasAnyRole(['admin'], ['relations_officer', 'manager'])).toBe(false);
    expect(hasAnyRole(['admin'], [])).toBe(false);
    expect(hasAnyRole([], ['admin'])).toBe(false);
  });

  it('guards and labels', () => {
    expect(isStaffRole('committee_member')).toBe(true);
    expect(isStaffRole('beneficiary')).toBe(false);
    expect(roleLabelKey('manager')).toBe('roles.manager');
  });
});

describe('channels', () => {
  it('has the eight intake channels of the policy', () => {
    expect(CHANNELS).toHaveLength(8);
    expect(new Set(CHANNELS).size).toBe(8);
    expect(isChannel('website')).toBe(true);
    expect(isChannel('fax')).toBe(false);
    expect(channelLabelKey('branch_representative')).toBe('channels.branch_representative');
  });
});
