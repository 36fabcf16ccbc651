/** What a beneficiary may consent to beyond what the service itself needs. */
export const CONSENT_PURPOSES = ['optional_messages'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Messages the service needs to do its work (codes, receipts, decisions, answers). Any other
 * template (a reminder, an invitation) is optional: it goes only to people who consented, so a new
 * kind of message is held back until someone decides it is necessary.
 */
export const NECESSARY_MESSAGE_TEMPLATES: readonly string[] = [
  'mobileVerification',
  'passwordReset',
  'passwordChanged',
  // Account security: who may hold the national ID and its mobile.
  'registrationAttempted',
  'activationCode',
  'mobileChange',
  'mobileChanged',
  'requestSubmitted',
  'requestResubmitted',
  'requestNeedsInfo',
  'requestWithdrawn',
  'decisionReleasedAccepted',
  'decisionReleasedRejected',
  'decisionReleasedMoreInfo',
  'registrationComplete',
  'serviceDelivered',
  'questionAnswered',
  'feedbackAnswered',
  'dataRequestReceived',
  'dataRequestExtended',
  'dataRequestAnswered',
  'dataRequestRefused',
  'breachNotice',
];

/** Messages sent only with consent (reminders, invitations). */
export const OPTIONAL_MESSAGE_TEMPLATES: readonly string[] = ['infoRequestDeadlineReminder', 'draftReminder', 'draftRemovalWarning', 'ratingInvitation'];

/** Every template must be in one of the two lists (a unit test checks the locales); unlisted counts as optional. */
export function isOptionalMessage(template: string): boolean {
  return OPTIONAL_MESSAGE_TEMPLATES.includes(template) || !NECESSARY_MESSAGE_TEMPLATES.includes(template);
}

/** The latest record per purpose applies; with none, consent was never given. */
export function consentGiven(records: readonly { purpose: string; granted: boolean; at: Date }[], purpose: ConsentPurpose): boolean {
  const latest = records
    .filter((record) => record.purpose === purpose)
    .reduce<{ granted: boolean; at: Date } | null>((found, record) => (!found || record.at >= found.at ? record : found), null);
  return latest?.granted ?? false;
}

/** The version of the privacy notice a beneficiary accepts at registration; raise it when the notice changes. */
export const PRIVACY_NOTICE_VERSION = 'v1';
