import type { Config } from './config.ts';

/** What `npm start` says before serving, when the settings are not fit for real applicants. */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (!config.production) {
    warnings.push(
      [
        `WARNING: Tayseer is running in DEVELOPMENT mode (NODE_ENV=${config.env}).`,
        '  Cookies are not marked Secure, error pages show stack traces and a fixed, public session secret is used.',
        '  For real use start it with NODE_ENV=production and a SESSION_SECRET of at least 32 characters.',
      ].join('\n'),
    );
  }
  return warnings;
}
