import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';
import { retentionService } from './retentionService.ts';
import { myDataService } from './myDataService.ts';
import { dataRequestService } from './dataRequestService.ts';
import { exportService } from './exportService.ts';
import { breachService } from './breachService.ts';
import { accessLogService } from './accessLogService.ts';
import type { IndicatorService } from './indicatorService.ts';
// The version beneficiaries accept at registration has its one home beside the registration form.
import { PRIVACY_NOTICE_VERSION } from '../routes/account/authController.ts';

/** The personal-data use cases (retention, a person's own data, their requests about it, exports). */
export function personalDataServices(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService, storage: DocumentStorage, indicators: IndicatorService) {
  return {
    retention: retentionService(data, config.retention, clock, storage),
    myData: myDataService(data, clock, PRIVACY_NOTICE_VERSION, config.timeZone),
    dataRequests: dataRequestService(data, clock, notifications, storage),
    exports: exportService(data, config, clock, indicators),
    breaches: breachService(data, clock, notifications),
    accessLog: accessLogService(data, clock),
  };
}
