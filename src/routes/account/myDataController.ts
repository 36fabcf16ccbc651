import { todayIso } from '../../domain/dates.ts';
import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../services/index.ts';
import { MY_DATA_SECTIONS } from '../../services/myDataService.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { formState, parseForm } from '../forms.ts';
import { myDataSections } from './myDataView.ts';

const consentSchema = z.object({
  optionalMessages: z.enum(['yes', 'no'], { error: 'privacy:errors.consentChoice' }),
});

/** "My data": everything held about the signed-in beneficiary, to read, print or download. */
export function accountMyDataRoutes(services: Services) {
  const router = express.Router();
  router.use('/account/my-data', requireBeneficiary);

  const render = async (req: Request, res: Response, view: 'index' | 'print') => {
    const context = beneficiaryContext(req, res);
    const data = await services.myData.collect(context, view === 'print' ? 'print' : 'view');
    if (!data) throw new NotFoundError();
    const consent = await services.myData.consentState(context.id);
    res.render(`pages/account/my-data/${view}`, {
      pageTitleKey: 'privacy:myData.title',
      backLink: view === 'print' ? '/account/my-data' : undefined,
      sections: myDataSections(req, data),
      optionalMessages: consent.optional_messages,
      dataRequests: data.dataRequests,
      form: formState(),
    });
  };

  router.get('/account/my-data', (req, res) => render(req, res, 'index'));
  router.get('/account/my-data/print', (req, res) => render(req, res, 'print'));

  router.get('/account/my-data/download', async (req, res) => {
    const context = beneficiaryContext(req, res);
    const data = await services.myData.collect(context, 'download');
    if (!data) throw new NotFoundError();
    const body = { generatedAt: services.clock.now().toISOString(), sections: MY_DATA_SECTIONS, ...data };
    res.set('Cache-Control', 'private, no-store');
    res.attachment(`my-data-${todayIso(services.clock.now(), services.config.timeZone)}.json`);
    res.type('application/json').send(JSON.stringify(body, null, 2));
  });

  router.get('/account/my-data/consent', async (req, res) => {
    const consent = await services.myData.consentState(beneficiaryContext(req, res).id);
    res.render('pages/account/my-data/consent', {
      pageTitleKey: 'privacy:consent.title',
      backLink: '/account/my-data',
      form: formState({ optionalMessages: consent.optional_messages ? 'yes' : 'no' }),
    });
  });

  router.post('/account/my-data/consent', async (req, res) => {
    const form = parseForm(consentSchema, req.body);
    if (!form.ok) {
      return res.status(400).render('pages/account/my-data/consent', { pageTitleKey: 'privacy:consent.title', backLink: '/account/my-data', form: formState({}, form.errors) });
    }
    const context = beneficiaryContext(req, res);
    const wanted = form.data.optionalMessages === 'yes';
    if ((await services.myData.consentState(context.id)).optional_messages !== wanted) {
      await services.myData.recordConsent(context, 'optional_messages', wanted);
    }
    req.session.flashMessage = { key: wanted ? 'privacy:consent.given' : 'privacy:consent.withdrawn' };
    res.redirect(303, '/account/my-data#consents');
  });

  return router;
}
