import type { ColumnTypes } from './sqlReader.ts';

/**
 * The columns of each table whose stored value differs from its model type: DateTime (ISO text in SQLite),
 * Boolean (0/1). Written out rather than read from Prisma's runtime model so a reader's mapping is plain to
 * see; tests/unit/columnTypes.test.ts checks it against prisma/schema.prisma.
 */
export const MODEL_COLUMN_TYPES = {
  StaffUser: { active: 'boolean', lockedUntil: 'date', lastLoginAt: 'date', createdAt: 'date', updatedAt: 'date' },
  Session: { expiresAt: 'date' },
  AuditEntry: { at: 'date', visibleToBeneficiary: 'boolean' },
  Beneficiary: { mobileVerifiedAt: 'date', privacyConsentAt: 'date', lockedUntil: 'date', registeredAt: 'date', createdAt: 'date', updatedAt: 'date', nafathVerifiedAt: 'date' },
  OneTimeCode: { expiresAt: 'date', consumedAt: 'date', createdAt: 'date' },
  SupportRequest: { livesInServiceArea: 'boolean', submittedAt: 'date', responseWindowOpensAt: 'date', raisedAt: 'date', decisionReleasedAt: 'date', closedAt: 'date', ratedAt: 'date', createdAt: 'date', updatedAt: 'date', anonymisedAt: 'date' },
  HouseholdMember: { createdAt: 'date' },
  RequestDocument: { createdAt: 'date' },
  Declaration: { signedAt: 'date' },
  VerificationLine: { recordedAt: 'date' },
  InfoRequest: { requestedAt: 'date', resolvedAt: 'date' },
  Referral: { referredAt: 'date', answeredAt: 'date', closedAt: 'date' },
  Recommendation: { recordedAt: 'date' },
  Decision: { decidedAt: 'date', releasedAt: 'date' },
  RegistrationItem: { completedAt: 'date' },
  ServiceDelivery: { createdAt: 'date', correctedAt: 'date', cancelledAt: 'date' },
  Inquiry: { recordedAt: 'date' },
  Notification: { nextAttemptAt: 'date', sentAt: 'date', createdAt: 'date' },
  ReferenceCounter: {},
  BeneficiaryQuestion: { askedAt: 'date', answeredAt: 'date' },
  ServiceRating: { anonymous: 'boolean', createdAt: 'date' },
  AnsweredRatingOccasion: {},
  SuggestionOrComplaint: { receivedAt: 'date', respondBy: 'date', repliedAt: 'date' },
  ReferenceDocument: { uploadedAt: 'date' },
  PendingRegistration: { createdAt: 'date', expiresAt: 'date' },
  RateLimitCounter: { resetAt: 'date' },
  AccessLog: { at: 'date' },
  ConsentRecord: { granted: 'boolean', at: 'date' },
  DataRequest: { receivedAt: 'date', dueAt: 'date', extendedAt: 'date', answeredAt: 'date' },
  BreachIncident: { discoveredAt: 'date', recordedAt: 'date', authorityNotifiedAt: 'date' },
  BreachAffected: { addedAt: 'date', noticeQueuedAt: 'date' },
  NafathRequest: { createdAt: 'date', expiresAt: 'date', completedAt: 'date', consumedAt: 'date' },
  DraftReminder: { draftUpdatedAt: 'date', sentAt: 'date' },
} as const satisfies Record<string, ColumnTypes>;
export type ModelName = keyof typeof MODEL_COLUMN_TYPES;
