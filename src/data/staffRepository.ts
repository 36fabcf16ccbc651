import type { Db } from './prismaClient.ts';
import type { ReadCache } from './readCache.ts';
import { MODEL_COLUMN_TYPES } from './columnTypes.ts';
import type { SqlReader } from './sqlReader.ts';

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

const STAFF_COLUMNS = '"id", "email", "fullName", "passwordHash", "roles", "active", "failedLoginCount", "lockedUntil", "lastLoginAt", "createdAt"';

export function staffRepository(db: Db, cacheById: ReadCache<StaffRecord | null>, sql: SqlReader) {
  /** Every signed-in request loads its staff member: served from the cache until a staff write. */
  const written = <T>(result: T): T => {
    cacheById.invalidateAll();
    return result;
  };
  return {
    findByEmail: (email: string): Promise<StaffRecord | null> =>
      db.staffUser.findUnique({ where: { email: email.toLowerCase() } }),
    // Through the driver: this runs on every staff request (sqlReader.ts).
    findById: (id: number): Promise<StaffRecord | null> =>
      cacheById.read(
        String(id),
        async () => (await sql.all<StaffRecord>(`SELECT ${STAFF_COLUMNS} FROM "StaffUser" WHERE "id" = ?`, [id], MODEL_COLUMN_TYPES.StaffUser))[0] ?? null,
      ),
    list: (): Promise<StaffRecord[]> => db.staffUser.findMany({ orderBy: [{ active: 'desc' }, { fullName: 'asc' }] }),
    listActiveWithRole: async (role: string): Promise<StaffRecord[]> =>
      (await db.staffUser.findMany({ where: { active: true, roles: { contains: role } } })).filter((s) =>
        s.roles.split(',').includes(role),
      ),
    count: () => db.staffUser.count(),
    create: async (data: { email: string; fullName: string; passwordHash: string; roles: string }) =>
      written(await db.staffUser.create({ data: { ...data, email: data.email.toLowerCase() } })),
    update: async (id: number, data: Partial<Pick<StaffRecord, 'email' | 'fullName' | 'roles' | 'active' | 'passwordHash'>>) =>
      written(await db.staffUser.update({ where: { id }, data: data.email ? { ...data, email: data.email.toLowerCase() } : data })),
    /** One more wrong password, counted in the database so attempts at the same moment all count; the new count. */
    countFailedLogin: async (id: number) =>
      written(await db.staffUser.update({ where: { id }, data: { failedLoginCount: { increment: 1 } }, select: { failedLoginCount: true } }))
        .failedLoginCount,
    lockOut: async (id: number, lockedUntil: Date) =>
      written(await db.staffUser.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil } })),
    recordSuccessfulLogin: async (id: number, at: Date) =>
      written(await db.staffUser.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: at } })),
  };
}
export type StaffRepository = ReturnType<typeof staffRepository>;
