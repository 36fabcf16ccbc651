import type { TFunction } from 'i18next';
import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { documentStorage } from '../data/documentStorage.ts';
import { PRIVACY_NOTICE_VERSION } from '../domain/consent.ts';
import { systemClock, type Clock } from './clock.ts';
import { passwordHasher } from './passwordHasher.ts';
import { staffAuthService } from './staffAuthService.ts';
import { staffAdminService } from './staffAdminService.ts';
import { auditService } from './auditService.ts';
import { notificationService } from './notificationService.ts';
import { applicationService } from './applicationService.ts';
import { beneficiaryAccountService } from './beneficiaryAccountService.ts';
import { documentService } from './documentService.ts';
import { transportFor, type NotificationTransport } from './notificationTransport.ts';
import { decisionReleaseService } from './decisionReleaseService.ts';
import { committeeService } from './committeeService.ts';
import { registrationService } from './registrationService.ts';
import { serviceDeliveryService } from './serviceDeliveryService.ts';
import { verificationService } from './verificationService.ts';
import { referralService } from './referralService.ts';
import { receptionService } from './receptionService.ts';
import { questionService } from './questionService.ts';
import { ratingService } from './ratingService.ts';
import { indicatorService } from './indicatorService.ts';
import { referenceDocumentService } from './referenceDocumentService.ts';
import { storedFileService } from './storedFileService.ts';
import { withdrawalService } from './withdrawalService.ts';
import { caseAccessService } from './caseAccessService.ts';
import { nafathService } from './nafathService.ts';
import { httpNafathClient, type NafathClient } from './nafathClient.ts';
import { draftReminderService } from './draftReminderService.ts';
import { profileService } from './profileService.ts';
import { suggestionsAndComplaintsService } from './suggestionsAndComplaintsService.ts';
import { retentionService } from './retentionService.ts';
import { myDataService } from './myDataService.ts';
import { dataRequestService } from './dataRequestService.ts';
import { exportService } from './exportService.ts';
import { breachService } from './breachService.ts';
import { accessLogService } from './accessLogService.ts';
import { deadlineReminderService } from './deadlineReminderService.ts';

export interface ServiceOptions {
  /** Arabic translator for messages the system writes (notifications). */
  translate: TFunction;
  clock?: Clock;
  transport?: NotificationTransport;
  /** Replaces the HTTP client to Nafath (tests); otherwise built from the configuration when it is set. */
  nafathClient?: NafathClient | null;
}

/**
 * The composition root for use cases: every service built once, by hand, in dependency order.
 * Routes see only what is returned here, never the repositories.
 */
export function services(data: DataAccess, config: Config, options: ServiceOptions) {
  const clock = options.clock ?? systemClock;
  const storage = documentStorage(config.uploadDir);
  const notifications = notificationService(data, clock, options.translate, options.transport ?? transportFor(config), config.organisation);
  const applications = applicationService(data, config, clock, notifications, options.translate);
  const verification = verificationService(data, config, clock, notifications);
  const decisionRelease = decisionReleaseService(data, clock, notifications);
  const indicators = indicatorService(data, config, clock);
  return {
    config,
    clock,
    /** The web session store and the shared attempt counters live in the database too. */
    sessionStore: data.sessionStore,
    attemptCounters: data.repositories.rateLimits,
    databaseAnswers: () => data.ping(),
    /** Runs a background job unless another instance is running it now (PostgreSQL advisory lock). */
    runExclusively: (job: string, work: () => Promise<unknown>) => data.runExclusively(job, work),
    notifications,
    applications,
    documents: documentService(applications, storage, config.maxUploadBytes),
    beneficiaryAccounts: beneficiaryAccountService(data, passwordHasher, clock, notifications, { codesPerIpHour: config.smsCodesPerIpHour }),
    staffAuth: staffAuthService(data, passwordHasher, clock),
    staffAdmin: staffAdminService(data, passwordHasher),
    caseAccess: caseAccessService(data, clock),
    audit: auditService(data),
    decisionRelease,
    committee: committeeService(data, config, clock, notifications, decisionRelease),
    registration: registrationService(data, config, clock, notifications),
    serviceDelivery: serviceDeliveryService(data, clock, notifications, config.timeZone),
    verification,
    referrals: referralService(data, clock, config.deadlines, config.timeZone),
    reception: receptionService(data, config, clock, applications, verification),
    questions: questionService(data, clock, notifications),
    suggestionsAndComplaints: suggestionsAndComplaintsService(data, config, clock, notifications),
    ratings: ratingService(data, clock, config.timeZone),
    indicators,
    withdrawals: withdrawalService(data, clock, notifications),
    referenceDocuments: referenceDocumentService(data, storage, config.maxUploadBytes, clock),
    storedFiles: storedFileService(data, storage, clock),
    nafath: nafathService(data, clock, options.nafathClient !== undefined ? options.nafathClient : config.nafath ? httpNafathClient(config.nafath) : null),
    profile: profileService(data),
    draftReminders: draftReminderService(data, config, clock, notifications, () => applications.monthNames()),
    deadlineReminders: deadlineReminderService(data, config, clock, notifications, options.translate),
    retention: retentionService(data, config.retention, clock, storage),
    myData: myDataService(data, clock, PRIVACY_NOTICE_VERSION, config.timeZone),
    dataRequests: dataRequestService(data, clock, notifications, storage),
    exports: exportService(data, config, clock, indicators),
    breaches: breachService(data, clock, notifications),
    accessLog: accessLogService(data, clock),
  };
}
export type Services = ReturnType<typeof services>;
