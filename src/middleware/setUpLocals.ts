import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.ts';
import { hasAnyRole, type StaffRole } from '../domain/roles.ts';

interface NavigationItem {
  href: string;
  key: string;
  roles?: StaffRole[];
}

const STAFF_NAVIGATION: NavigationItem[] = [
  { href: '/staff', key: 'common:nav.reception', roles: ['relations_officer', 'manager'] },
  { href: '/research', key: 'common:nav.research', roles: ['social_researcher'] },
  {
    href: '/committee',
    key: 'common:nav.committee',
    roles: ['committee_member', 'committee_chair', 'manager'],
  },
  { href: '/admin/staff', key: 'common:nav.staffAccounts', roles: ['admin'] },
  { href: '/admin/audit', key: 'common:nav.audit', roles: ['admin', 'manager'] },
  { href: '/admin/outbox', key: 'common:nav.outbox', roles: ['admin'] },
  {
    href: '/staff/questions',
    key: 'common:nav.questions',
    roles: ['relations_officer', 'manager'],
  },
  { href: '/admin/satisfaction', key: 'common:nav.satisfaction', roles: ['manager', 'admin'] },
  { href: '/admin/indicators', key: 'common:nav.indicators', roles: ['manager', 'admin'] },
  { href: '/staff/data-requests', key: 'privacy:nav.dataRequests', roles: ['relations_officer', 'manager'] },
  { href: '/admin/processing', key: 'privacy:nav.processing', roles: ['admin', 'manager'] },
  { href: '/admin/access-log', key: 'privacy:nav.accessLog', roles: ['admin', 'manager'] },
  { href: '/admin/breaches', key: 'privacy:nav.breaches', roles: ['admin'] },
  { href: '/staff/tools', key: 'common:nav.tools' },
];

function languageSwitchHref(req: Request, target: string): string {
  const url = new URL(req.originalUrl, 'http://local');
  url.searchParams.set('lng', target);
  return url.pathname + url.search;
}

function navigationFor(req: Request) {
  const staff = req.staff;
  if (staff) {
    const items = STAFF_NAVIGATION.filter(
      (item) => !item.roles || hasAnyRole(staff.roles, item.roles),
    );
    // The longest matching link is the current one: /staff/questions is not also "Reception".
    const current = items
      .filter((item) => req.path === item.href || req.path.startsWith(item.href + '/'))
      .sort((a, b) => b.href.length - a.href.length)[0];
    return items.map((item) => ({ ...item, current: item === current }));
  }
  if (req.session?.beneficiaryId) {
    return [
      {
        href: '/account/requests',
        key: 'common:nav.myRequests',
        current: req.path.startsWith('/account/requests'),
      },
      {
        href: '/account/questions',
        key: 'common:nav.myQuestions',
        current: req.path.startsWith('/account/questions'),
      },
      { href: '/account/my-data', key: 'privacy:nav.myData', current: req.path.startsWith('/account/my-data') || req.path.startsWith('/account/data-requests') },
      { href: '/account/profile', key: 'profile:nav', current: req.path.startsWith('/account/profile') || req.path.startsWith('/account/mobile') },
    ];
  }
  return [
    {
      href: '/account/login',
      key: 'common:nav.beneficiarySignIn',
      current: req.path === '/account/login',
    },
  ];
}

/** The timeout warning opens this long before an idle session ends: time enough to read it and answer. */
export const SESSION_WARNING_SECONDS = 120;

/** Values every view reads: the organisation, the navigation and the language link. Runs before the session, so error pages have them too. */
export function setUpLocals(config: Config) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.org = config.organisation;
    // The largest upload (MAX_UPLOAD_MB), for every hint and error that names it.
    res.locals.uploadLimitMb = Math.round(config.maxUploadBytes / 1024 / 1024);
    res.locals.sessionMinutes = Math.round(config.sessionMaxAgeMs / 60_000);
    res.locals.sessionWarnSeconds = SESSION_WARNING_SECONDS;
    res.locals.currentPath = req.path;
    res.locals.languageSwitchHref = languageSwitchHref(req, res.locals.otherLanguage as string);
    res.locals.csrfToken = () => '';
    res.locals.csrfField = '_csrf';
    // Resolved lazily, at render time: the session and the staff member are loaded by later
    // middleware. Then kept, because every include copies the view locals and reads it again.
    Object.defineProperty(res.locals, 'navigation', {
      enumerable: true,
      configurable: true,
      get() {
        const navigation = navigationFor(req);
        Object.defineProperty(res.locals, 'navigation', {
          value: navigation,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return navigation;
      },
    });
    next();
  };
}

/** A one-time message set before a redirect, shown on the next page. */
export function showFlashMessage(req: Request, res: Response, next: NextFunction) {
  const flashMessage = req.session?.flashMessage;
  if (flashMessage) {
    res.locals.flashMessage = flashMessage;
    delete req.session.flashMessage;
  }
  next();
}
