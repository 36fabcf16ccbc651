import type { TFunction } from 'i18next';
import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { applicationService } from './applicationService.ts';
import { deadlineReminderService } from './deadlineReminderService.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';
import { receptionService } from './receptionService.ts';
import { referralService } from './referralService.ts';
import { verificationService } from './verificationService.ts';

/** The staff-intake use cases, wired together; the application service is stateless, so sharing one is optional. */
export function intakeServices(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService, translate: TFunction) {
  const verification = verificationService(data, config, clock, notifications);
  const applications = applicationService(data, config, clock, notifications, translate);
  return {
    verification,
    referrals: referralService(data, clock, config.deadlines, config.timeZone),
    reception: receptionService(data, config, clock, applications, verification),
    deadlineReminders: deadlineReminderService(data, config, clock, notifications, translate),
  };
}
