/**
 * The committee queue's views: `with_committee` waits for a decision; `awaiting_release`:
 * decided (accepted or rejected) but not yet told to the applicant.
 */
export const QUEUE_VIEWS = ['with_committee', 'awaiting_release'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
