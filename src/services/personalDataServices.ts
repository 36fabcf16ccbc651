import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';
import { retentionService } from './retentionService.ts';

/** The personal-data use cases (retention, a person's own data, their requests about it, exports). */
export function personalDataServices(data: DataAccess, config: Config, clock: Clock, _notifications: NotificationService, storage: DocumentStorage) {
  return {
    retention: retentionService(data, config.retention, clock, storage),
  };
}
