import type { TFunction } from 'i18next';
import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { passwordHasher } from './passwordHasher.ts';
import { staffAuthService } from './staffAuthService.ts';
import { staffAdminService } from './staffAdminService.ts';
import { auditService } from './auditService.ts';
import { notificationService } from './notificationService.ts';
import { applicationService } from './applicationService.ts';
import { beneficiaryAccountService } from './beneficiaryAccountService.ts';
import { documentService } from './documentService.ts';
import { documentStorage } from '../data/documentStorage.ts';
import { transportFor, type NotificationTransport } from './notificationTransport.ts';
import { committeeServices } from './committeeService.ts';
import { intakeServices } from './intakeServices.ts';
import { questionService } from './questionService.ts';
import { ratingService } from './ratingService.ts';
import { indicatorService } from './indicatorService.ts';
import { referenceDocumentService } from './referenceDocumentService.ts';
import { storedFileService } from './storedFileService.ts';
import { withdrawalService } from './withdrawalService.ts';
import { caseAccessService } from './caseAccessService.ts';
import { personalDataServices } from './personalDataServices.ts';
import { nafathService } from './nafathService.ts';
import { httpNafathClient, type NafathClient } from './nafathClient.ts';
import { draftReminderService } from './draftReminderService.ts';
import { profileService } from './profileService.ts';
import { suggestionsAndComplaintsService } from './suggestionsAndComplaintsService.ts';

export interface ServiceOptions {
  /** Arabic translator for messages the system writes (notifications). */
  translate: TFunction;
  clock?: Clock;
  transport?: NotificationTransport;
  /** Replaces the HTTP client to Nafath (tests); otherwise built from the configuration when it is set. */
  nafathClient?: NafathClient | null;
}

/** The composition root for use cases: wired by hand, in dependency order. */
export function services(data: DataAccess, config: Config, options: ServiceOptions) {
  const clock = options.clock ?? systemClock;
  const notifications = notificationService(data, clock, options.translate, options.transport ?? transportFor(config), config.organisation);
  const applications = applicationService(data, config, clock, notifications, options.translate);
  return {
    config,
    clock,
    data,
    notifications,
    applications,
    documents: documentService(applications, documentStorage(config.uploadDir), config.maxUploadBytes),
    beneficiaryAccounts: beneficiaryAccountService(data, passwordHasher, clock, notifications, { codesPerIpHour: config.smsCodesPerIpHour }),
    staffAuth: staffAuthService(data, passwordHasher, clock),
    staffAdmin: staffAdminService(data, passwordHasher),
    caseAccess: caseAccessService(data, clock),
    audit: auditService(data),
    ...committeeServices(data, config, clock, notifications),
    ...intakeServices(data, config, clock, notifications, options.translate),
    questions: questionService(data, clock, notifications),
    suggestionsAndComplaints: suggestionsAndComplaintsService(data, config, clock, notifications),
    ratings: ratingService(data, clock, config.timeZone),
    indicators: indicatorService(data, config, clock),
    withdrawals: withdrawalService(data, clock, notifications),
    referenceDocuments: referenceDocumentService(data, documentStorage(config.uploadDir), config.maxUploadBytes, clock),
    storedFiles: storedFileService(data, documentStorage(config.uploadDir), clock),
    nafath: nafathService(data, clock, options.nafathClient !== undefined ? options.nafathClient : config.nafath ? httpNafathClient(config.nafath) : null),
    profile: profileService(data),
    draftReminders: draftReminderService(data, config, clock, notifications, () => applications.monthNames()),
    ...personalDataServices(data, config, clock, notifications, documentStorage(config.uploadDir), indicatorService(data, config, clock)),
  };
}
export type Services = ReturnType<typeof services>;
