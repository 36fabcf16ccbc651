import type { Db } from './prismaClient.ts';

export interface StaffRecord {
  id: number;
  email: string;
  fullName: string;
  passwordHash: string;
  roles: string;
  active: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export function staffRepository(db: Db) {
  return {
    findByEmail: (email: string): Promise<StaffRecord | null> =>
      db.staffUser.findUnique({ where: { email: email.toLowerCase() } }),
    findById: (id: number): Promise<StaffRecord | null> => db.staffUser.findUnique({ where: { id } }),
    list: (): Promise<StaffRecord[]> => db.staffUser.findMany({ orderBy: [{ active: 'desc' }, { fullName: 'asc' }] }),
    listActiveWithRole: async (role: string): Promise<StaffRecord[]> =>
      (await db.staffUser.findMany({ where: { active: true, roles: { contains: role } } })).filter((s) =>
        s.roles.split(',').includes(role),
      ),
    count: () => db.staffUser.count(),
    create: (data: { email: string; fullName: string; passwordHash: string; roles: string }) =>
      db.staffUser.create({ data: { ...data, email: data.email.toLowerCase() } }),
    update: (
      id: number,
      data: Partial<Pick<StaffRecord, 'email' | 'fullName' | 'roles' | 'active' | 'passwordHash'>>,
    ) => db.staffUser.update({ where: { id }, data: data.email ? { ...data, email: data.email.toLowerCase() } : data }),
    recordFailedLogin: (id: number, failedLoginCount: number, lockedUntil: Date | null) =>
      db.staffUser.update({ where: { id }, data: { failedLoginCount, lockedUntil } }),
    recordSuccessfulLogin: (id: number, at: Date) =>
      db.staffUser.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: at } }),
  };
}
export type StaffRepository = ReturnType<typeof staffRepository>;
