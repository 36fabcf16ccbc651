import type { StaffRole } from '../../domain/roles.ts';

/** Where a staff member lands after signing in: the screen of their main role. */
export function homeFor(roles: StaffRole[]): string {
  if (roles.includes('relations_officer')) return '/staff';
  if (roles.includes('committee_chair') || roles.includes('committee_member')) return '/committee';
  if (roles.includes('social_researcher')) return '/research';
  if (roles.includes('manager')) return '/staff';
  if (roles.includes('admin')) return '/admin/staff';
  return '/';
}
