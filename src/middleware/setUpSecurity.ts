import helmet from 'helmet';
import type { Config } from '../config.ts';

export function setUpSecurity(config: Config) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The portal's own font files only (helmet's default also allows any https: or data: font).
        fontSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    strictTransportSecurity: config.production,
    referrerPolicy: { policy: 'same-origin' },
  });
}
