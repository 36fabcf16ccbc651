import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('Nafath settings', () => {
  it('leave Nafath off when unset', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).nafath).toBeNull();
  });

  it('turn Nafath on with all three, and refuse to start with only some', () => {
    const config = loadConfig({ NODE_ENV: 'test', NAFATH_BASE_URL: 'https://nafath.example/', NAFATH_APP_ID: 'app', NAFATH_APP_KEY: 'key' });
    expect(config.nafath).toMatchObject({ baseUrl: 'https://nafath.example', appId: 'app', appKey: 'key' });
    expect(() => loadConfig({ NODE_ENV: 'test', NAFATH_BASE_URL: 'https://nafath.example' })).toThrow(ConfigError);
  });
});
