/**
 * How long a connection waits for another one's write lock before giving up with SQLITE_BUSY. Every connection
 * sets it (the portal's, the seed's and `prisma migrate deploy`'s), so a script run while the portal is serving
 * waits its turn instead of failing. The portal's own transactions take milliseconds.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
