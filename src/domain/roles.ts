export const STAFF_ROLES = [
  'admin',
  'relations_officer',
  'social_researcher',
  'committee_member',
  'committee_chair',
  'manager',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export function roleLabelKey(role: StaffRole): string {
  return `roles.${role}`;
}

/** Canonical form: known roles only, no duplicates, alphabetical. Unknown roles throw: never guess privileges. */
export function normalizeRoles(roles: readonly string[]): StaffRole[] {
  const unknown = roles.filter((role) => !isStaffRole(role));
  if (unknown.length > 0) throw new RangeError(`Unknown staff role(s): ${unknown.join(', ')}`);
  return [...new Set(roles as readonly StaffRole[])].sort();
}

export function parseRoles(csv: string): StaffRole[] {
  return normalizeRoles(
    csv
      .split(',')
      .map((role) => role.trim())
      .filter((role) => role !== ''),
  );
}

export function serializeRoles(roles: readonly string[]): string {
  return normalizeRoles(roles).join(',');
}

export function hasAnyRole(
  userRoles: readonly StaffRole[],
  required: readonly StaffRole[],
): boolean {
  return required.some((role) => userRoles.includes(role));
}
