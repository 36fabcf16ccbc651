import type { NextFunction, Request, Response } from 'express';
import type { i18n } from 'i18next';
import type { MonthNames } from '../domain/dates.ts';
import { createFormatter, type Formatter, type UnitWords } from '../domain/formatting.ts';
import { LANGUAGES, type Language } from '../i18n.ts';

/** One formatter per language, built once: month names and unit words never change while the process runs. */
export function formattersFor(i18n: i18n, timeZone: string): Map<Language, Formatter> {
  const formatters = new Map<Language, Formatter>();
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    const monthNames: MonthNames = {
      hijri: t('domain:months.hijri', { returnObjects: true }) as unknown as string[],
      gregorian: t('domain:months.gregorian', { returnObjects: true }) as unknown as string[],
    };
    const units = t('domain:units', { returnObjects: true }) as unknown as UnitWords;
    formatters.set(language, createFormatter({ language, timeZone, monthNames, units }));
  }
  return formatters;
}

/**
 * Numbers inside translated sentences go through the same formatter as the rest of the page:
 * `{{max, count}}`, `{{total, amount}}`, `{{limit, fileSize}}`.
 */
function registerInterpolationFormats(i18n: i18n, formatters: Map<Language, Formatter>) {
  const pick = (lng: string | undefined) => formatters.get(lng === 'en' ? 'en' : 'ar') as Formatter;
  const formatter = i18n.services.formatter;
  if (!formatter) return;
  formatter.add('count', (value, lng) => pick(lng).count(Number(value)));
  formatter.add('amount', (value, lng) => pick(lng).amount(Number(value)));
  formatter.add('fileSize', (value, lng) => pick(lng).fileSize(Number(value)));
}

/** `req.format` and the view local `format`: every date, time, count, amount and size a page shows. */
export function setUpFormatting(i18n: i18n, timeZone: string) {
  const formatters = formattersFor(i18n, timeZone);
  registerInterpolationFormats(i18n, formatters);
  return (req: Request, res: Response, next: NextFunction) => {
    const format = formatters.get(req.language) as Formatter;
    req.format = format;
    res.locals.format = format;
    next();
  };
}
