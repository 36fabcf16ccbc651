import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startupWarnings } from '../../src/startupWarnings.ts';

const SECRET = 'a-production-secret-of-at-least-32-characters';

describe('warnings printed at start', () => {
  it('says clearly that the portal runs in development mode without NODE_ENV=production', () => {
    const [warning, ...others] = startupWarnings(loadConfig({}));
    expect(others).toEqual([]);
    expect(warning).toMatch(/DEVELOPMENT mode/);
    expect(warning).toMatch(/NODE_ENV=production/);
  });

  it('says the same under NODE_ENV=test', () => {
    expect(startupWarnings(loadConfig({ NODE_ENV: 'test' }))).toHaveLength(1);
  });

  it('says nothing in production', () => {
    expect(startupWarnings(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }))).toEqual([]);
  });
});
