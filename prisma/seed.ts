/**
 * `npm run seed:demo`: one staff account per role, with the passwords printed, so a newcomer
 * can try every screen. Safe to run twice: existing demo accounts get a new password.
 */
import crypto from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { dataAccess } from '../src/data/index.ts';
import { passwordHasher } from '../src/services/passwordHasher.ts';
import { STAFF_ROLES } from '../src/domain/roles.ts';

const DEMO_NAMES: Record<(typeof STAFF_ROLES)[number], string> = {
  admin: 'مدير النظام (تجريبي)',
  relations_officer: 'موظف علاقات المستفيدين (تجريبي)',
  social_researcher: 'مسؤول البحث الاجتماعي (تجريبي)',
  committee_member: 'عضو لجنة البحث (تجريبي)',
  committee_chair: 'رئيس لجنة البحث (تجريبي)',
  manager: 'المدير (تجريبي)',
};

const config = loadConfig();
const data = await dataAccess({ databaseUrl: config.databaseUrl, pruneSessions: false });
const accounts: { role: string; email: string; password: string }[] = [];
for (const role of STAFF_ROLES) {
  const email = `${role.replace(/_/g, '.')}@demo.tayseer.local`;
  const password = crypto.randomBytes(9).toString('base64url');
  const passwordHash = await passwordHasher.hash(password);
  const existing = await data.repositories.staff.findByEmail(email);
  if (existing) await data.repositories.staff.update(existing.id, { passwordHash, active: true, roles: role });
  else await data.repositories.staff.create({ email, fullName: DEMO_NAMES[role], passwordHash, roles: role });
  accounts.push({ role, email, password });
}
await data.close();

console.log('\nDemo staff accounts (sign in at /staff/login):\n');
console.table(accounts);
