import pg from 'pg';
import { parse } from 'pg-connection-string';
import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Catalogue column types the adapter cannot map: `name` (e.g. `pg_namespace.nspname`) and the one-byte `"char"`
 * (e.g. `pg_constraint.contype`, read when `migrate diff` describes a schema). Both arrive as text on the wire.
 */
export const NAME_TYPE_OID = 19;
export const CHAR_TYPE_OID = 18;
export const TEXT_TYPE_OID = 25;
const REPORTED_AS_TEXT = new Set([NAME_TYPE_OID, CHAR_TYPE_OID]);

/**
 * Works around prisma/orm#27403: with `engine: "js"`, `prisma migrate deploy` and `migrate status` through
 * @prisma/adapter-pg fail with "Column type 'name' could not be deserialized from the database" because the
 * adapter has no mapping for OID 19, and the schema engine reads catalogue columns of that type. A `name` value
 * arrives as text on the wire anyway, so reporting the field as `text` is exact. Used only by prisma.config.ts
 * (the portal never reads catalogue columns); tests/unit/pgNameTypeWorkaround.test.ts fails once it is no longer
 * needed, or no longer works.
 */
function reportNameFieldsAsText<R>(result: R): R {
  for (const outcome of Array.isArray(result) ? result : [result]) {
    const fields = (outcome as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    for (const field of fields ?? []) if (REPORTED_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE_OID;
  }
  return result;
}

export class NameAsTextClient extends pg.Client {
  // pg.Pool calls the callback form, transactions the promise form: both are covered.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) => callback(error, error ? result : reportNameFieldsAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const outcome = (super.query as (...a: unknown[]) => unknown)(...args);
    if (outcome && typeof (outcome as Promise<unknown>).then === 'function') {
      return (outcome as Promise<unknown>).then(reportNameFieldsAsText) as never;
    }
    return outcome as never; // a Submittable (cursor, stream) reports its own fields
  }
}

function poolConfig(databaseUrl: string): pg.PoolConfig {
  // Separate fields, not a `connectionString`: for the shadow database below `database` is replaced, and a
  // connection string would win over it.
  const { host, port, user, password, database } = parse(databaseUrl);
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user: user ?? undefined,
    password: password ?? undefined,
    database: database ?? undefined,
    Client: NameAsTextClient,
    max: 2,
  };
}

/**
 * The adapter for the Prisma CLI, on a Pool of NameAsTextClient. `migrate diff --from-migrations` replays the
 * history in a shadow database; up to 6.19.3 the adapter drops that database while its own pool is still connected
 * to it ("is being accessed by other users"), so the shadow database is made here and its pool ended first.
 */
export class MigrationPg extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    super(new pg.Pool(poolConfig(databaseUrl)));
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const pool = new pg.Pool({ ...poolConfig(this.databaseUrl), database });
    const shadow = await new PrismaPg(pool).connect();
    shadow.dispose = async () => {
      await pool.end();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return shadow;
  }
}
