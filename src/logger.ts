import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: undefined, redact: ['req.headers.cookie', 'req.body.password'] });
}
export type Logger = ReturnType<typeof createLogger>;
