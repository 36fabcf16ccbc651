import { z } from 'zod';
import { DATA_REQUEST_CHANNELS, DATA_REQUEST_KINDS } from '../../domain/dataRequests.ts';

export const DETAILS_MAX = 2000;

const text = (required: string, tooLong: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(DETAILS_MAX, tooLong);

export const dataRequestSchema = z.object({
  kind: z.enum(DATA_REQUEST_KINDS, { error: 'privacy:errors.kindRequired' }),
  details: text('privacy:errors.detailsRequired', 'privacy:errors.detailsTooLong'),
});

/** An officer recording a request made at the office or by telephone. */
export const recordedDataRequestSchema = dataRequestSchema.extend({
  nationalId: z.string({ error: 'privacy:errors.personRequired' }).trim().min(1, 'privacy:errors.personRequired').max(20, 'privacy:errors.personUnknown'),
  channel: z.enum(DATA_REQUEST_CHANNELS.filter((channel) => channel !== 'website') as ['in_person', 'oral'], { error: 'privacy:errors.channelRequired' }),
});

export const staffAnswerSchema = z.object({
  outcome: z.enum(['answer', 'extend', 'refuse'], { error: 'privacy:errors.outcomeRequired' }),
  text: text('privacy:errors.answerRequired', 'privacy:errors.answerTooLong'),
});
