import { z } from 'zod';
import type { Config } from '../../config.ts';
import { parseDateParts } from '../../domain/dates.ts';
import { normalizeNumberInput, parseWholeAmount } from '../../domain/digits.ts';
import { parseForm, type FieldError, type FormResult } from '../forms.ts';
import { QUEUE_VIEWS } from '../../domain/committeeQueue.ts';
import { DECISION_OUTCOMES, RECOMMENDATIONS, type DecisionInput } from '../../domain/committeeDecision.ts';
import type { ServiceDeliveryInput } from '../../services/serviceDeliveryService.ts';

const MAX_AMOUNT = 10_000_000;
const MAX_QUANTITY = 10_000;
const MAX_DURATION_MONTHS = 60;
const NOTE_MAX = 2000;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() ? value.trim() : undefined));

export const queueQuerySchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch('with_committee'),
  city: z.string().max(100).optional().catch(undefined),
  supportType: z.string().max(50).optional().catch(undefined),
  overdue: z
    .enum(['yes'])
    .optional()
    .catch(undefined)
    .transform((value) => value === 'yes'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const recommendationSchema = z.object({
  recommendation: z.enum(RECOMMENDATIONS, { error: 'committee:errors.recommendationRequired' }),
  note: z
    .string({ error: 'committee:errors.noteRequired' })
    .trim()
    .min(1, 'committee:errors.noteRequired')
    .max(NOTE_MAX, 'committee:errors.noteTooLong'),
});

/** The fields a form shows come back as typed; numbers keep their original digits. */
export const DECISION_FIELDS = ['outcome', 'approvedSupportType', 'amount', 'quantity', 'durationMonths', 'rejectionReason', 'decisionNote', 'beneficiaryNote'];
export const SERVICE_FIELDS = ['serviceType', 'amount', 'quantity', 'note', 'exceedReason', 'deliveredOn-day', 'deliveredOn-month', 'deliveredOn-year', 'deliveredOn-calendar'];

function wholeNumber(raw: string | undefined, max: number): { value: number | null; code?: string } {
  if (raw === undefined) return { value: null };
  const text = normalizeNumberInput(raw);
  if (!/^\d+$/.test(text) || Number(text) < 1) return { value: null, code: 'committee:errors.wholeNumber' };
  if (Number(text) > max) return { value: null, code: 'committee:errors.numberTooLarge' };
  return { value: Number(text) };
}

/** Money or a count of items: support is either, and at least one must be given. */
function amountOrQuantity(body: { amount?: string; quantity?: string }, errors: FieldError[]) {
  let amount: number | null = null;
  if (body.amount !== undefined) {
    const parsed = parseWholeAmount(body.amount, { max: MAX_AMOUNT });
    if (parsed.ok && parsed.value > 0) amount = parsed.value;
    else errors.push({ field: 'amount', code: parsed.ok ? 'committee:errors.wholeNumber' : parsed.code });
  }
  const quantity = wholeNumber(body.quantity, MAX_QUANTITY);
  if (quantity.code) errors.push({ field: 'quantity', code: quantity.code });
  if (body.amount === undefined && body.quantity === undefined) {
    errors.push({ field: 'amount', code: 'committee:errors.amountOrQuantity' });
  }
  return { amount, quantity: quantity.value };
}

const decisionBodySchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: 'committee:errors.outcomeRequired' }),
  approvedSupportType: optionalText,
  amount: optionalText,
  quantity: optionalText,
  durationMonths: optionalText,
  rejectionReason: optionalText,
  decisionNote: optionalText.pipe(z.string().max(NOTE_MAX, 'committee:errors.noteTooLong').optional()),
  beneficiaryNote: optionalText.pipe(z.string().max(NOTE_MAX, 'committee:errors.noteTooLong').optional()),
});

export function parseDecision(body: unknown, config: Config): FormResult<DecisionInput> {
  const parsed = parseForm(decisionBodySchema, body);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const errors: FieldError[] = [];
  const note = input.decisionNote ?? null;
  const beneficiaryNote = input.beneficiaryNote ?? null;
  switch (input.outcome) {
    case 'accept': {
      if (!input.approvedSupportType || !config.supportTypes.includes(input.approvedSupportType)) {
        errors.push({ field: 'approvedSupportType', code: 'committee:errors.supportTypeRequired' });
      }
      const { amount, quantity } = amountOrQuantity(input, errors);
      const duration = wholeNumber(input.durationMonths, MAX_DURATION_MONTHS);
      if (input.durationMonths === undefined) errors.push({ field: 'durationMonths', code: 'committee:errors.durationRequired' });
      else if (duration.code) errors.push({ field: 'durationMonths', code: 'committee:errors.durationInvalid' });
      if (errors.length > 0) return { ok: false, errors };
      return {
        ok: true,
        data: { outcome: 'accept', approvedSupportType: input.approvedSupportType!, amount, quantity, durationMonths: duration.value!, note, beneficiaryNote },
      };
    }
    case 'reject': {
      if (!input.rejectionReason || !config.rejectionReasons.includes(input.rejectionReason)) {
        errors.push({ field: 'rejectionReason', code: 'committee:errors.rejectionReasonRequired' });
      } else if (input.rejectionReason === 'other' && !note) {
        errors.push({ field: 'decisionNote', code: 'committee:errors.otherReasonNote' });
      }
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, data: { outcome: 'reject', rejectionReason: input.rejectionReason!, note, beneficiaryNote } };
    }
    case 'more_info':
      if (!note) return { ok: false, errors: [{ field: 'decisionNote', code: 'committee:errors.moreInfoNote' }] };
      return { ok: true, data: { outcome: 'more_info', note } };
  }
}

export const registrationItemsSchema = (config: Config) =>
  z.object({
    items: z
      .union([z.string(), z.array(z.string())], { error: 'committee:errors.registrationItemRequired' })
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.enum(config.registrationItems as [string, ...string[]], { error: 'committee:errors.registrationItemRequired' })).min(1)),
  });

export function parseServiceDelivery(body: unknown, config: Config): FormResult<ServiceDeliveryInput> {
  const source = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = source[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const errors: FieldError[] = [];
  const serviceType = text('serviceType');
  if (!serviceType || !config.supportTypes.includes(serviceType)) {
    errors.push({ field: 'serviceType', code: 'committee:errors.serviceTypeRequired' });
  }
  const { amount, quantity } = amountOrQuantity({ amount: text('amount'), quantity: text('quantity') }, errors);
  const date = parseDateParts({
    day: source['deliveredOn-day'],
    month: source['deliveredOn-month'],
    year: source['deliveredOn-year'],
    calendar: source['deliveredOn-calendar'],
  });
  if (!date.ok) errors.push({ field: `deliveredOn-${date.part}`, code: date.code });
  const note = text('note') ?? null;
  if (note && note.length > NOTE_MAX) errors.push({ field: 'note', code: 'committee:errors.noteTooLong' });
  if (errors.length > 0 || !date.ok) return { ok: false, errors };
  return { ok: true, data: { serviceType: serviceType!, amount, quantity, deliveredOn: date.iso, note, exceedReason: text('exceedReason') ?? null } };
}
