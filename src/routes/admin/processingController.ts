import express from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { PROCESSING_RECORD } from '../../domain/processingRecord.ts';
import { periodParts } from '../../domain/retention.ts';

/** The record of processing, generated from the processing description and the configured retention table. */
export function adminProcessingRoutes(services: Services) {
  const router = express.Router();
  router.get('/admin/processing', requireRole('admin', 'manager'), (req, res) => {
    const rules = services.retention.policy();
    res.render('pages/admin/processing', {
      pageTitleKey: 'privacy:processing.title',
      categories: PROCESSING_RECORD.map((category) => ({
        ...category,
        retention: category.retention.map((key) => rules.find((rule) => rule.category === key)!),
      })),
      periodParts,
    });
  });
  return router;
}
