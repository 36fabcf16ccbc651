import type { DataAccess, Repositories } from '../data/index.ts';
import type { RetentionBatch } from '../data/retentionRepository.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import { retentionCutOff, type RetentionCategory, type RetentionRule } from '../domain/retention.ts';
import type { Clock } from './clock.ts';

const BATCH_SIZE = 200;

type Applier = (repositories: Repositories, cutOff: Date, now: Date) => Promise<RetentionBatch>;

/** How each category is applied: every category of the table has its applier. */
const APPLIERS: Record<RetentionCategory, Applier> = {
  abandoned_drafts: (r, cutOff) => r.retention.deleteAbandonedDrafts(cutOff, BATCH_SIZE),
  unverified_accounts: (r, cutOff) => r.retention.deleteUnverifiedAccounts(cutOff, BATCH_SIZE),
  documents_after_decision: (r, cutOff) => r.retention.deleteDocumentsAfterDecision(cutOff, BATCH_SIZE),
  rejected_withdrawn_requests: (r, cutOff, now) => r.retention.anonymiseEndedUnsupportedRequests(cutOff, BATCH_SIZE, now),
  accepted_beneficiary_files: (r, cutOff, now) => r.retention.anonymiseAcceptedFiles(cutOff, BATCH_SIZE, now),
  message_bodies: (r, cutOff) => r.retention.anonymiseDeliveredMessages(cutOff, BATCH_SIZE),
  sessions: (r, cutOff) => r.retention.deleteSessions(cutOff, BATCH_SIZE),
  access_logs: (r, cutOff) => r.retention.deleteAccessLogs(cutOff, BATCH_SIZE),
  audit_entries: (r, cutOff) => r.retention.deleteAuditEntries(cutOff, BATCH_SIZE),
};

export interface RetentionOutcome {
  category: RetentionCategory;
  action: RetentionRule['action'];
  count: number;
  filesRemoved: number;
}

/**
 * The daily retention run. Each batch is one transaction that also writes its audit entry, and
 * files are removed once the rows pointing at them are gone, so a crash leaves at worst an
 * unreferenced file, never a record whose file has vanished.
 */
export function retentionService(data: DataAccess, policy: readonly RetentionRule[], clock: Clock, storage: DocumentStorage) {
  return {
    policy: () => policy,

    async applyAll(): Promise<RetentionOutcome[]> {
      const now = clock.now();
      const outcomes: RetentionOutcome[] = [];
      for (const rule of policy) {
        const apply = APPLIERS[rule.category];
        const cutOff = retentionCutOff(rule, now);
        let count = 0;
        let filesRemoved = 0;
        for (;;) {
          const batch = await data.transaction(async (repositories) => {
            const result = await apply(repositories, cutOff, now);
            if (result.count > 0) {
              await repositories.audit.append({
                actorType: 'system',
                actorLabel: 'system',
                action: 'retention.applied',
                entityType: 'retention',
                entityId: rule.category,
                details: { category: rule.category, action: rule.action, days: rule.days, cutOff: cutOff.toISOString(), count: result.count, files: result.storageKeys.length },
                at: now,
              });
            }
            return result;
          });
          for (const key of batch.storageKeys) await storage.remove(key);
          count += batch.count;
          filesRemoved += batch.storageKeys.length;
          if (batch.count < BATCH_SIZE) break;
        }
        outcomes.push({ category: rule.category, action: rule.action, count, filesRemoved });
      }
      return outcomes;
    },
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
