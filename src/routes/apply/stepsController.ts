import express, { type Request, type Response } from 'express';
import { dateFieldsOf, JOURNEY_STEPS, nextPath, plainFieldsOf, type JourneyStepDefinition, type StepId } from '../../domain/journeySteps.ts';
import { parseForm } from '../../domain/requestForm.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { dateValues, editableRequest, renderStep, returnToOf, schemaContextFor, typedValues, valuesOf } from './applyHelpers.ts';

type FieldStep = JourneyStepDefinition & { id: StepId; schema: NonNullable<JourneyStepDefinition['schema']> };

/** One form a page, for every registry step with fields; eligibility is answered before signing in (startController). */
const FIELD_STEPS = (JOURNEY_STEPS as readonly JourneyStepDefinition[]).filter(
  (step): step is FieldStep => step.id !== 'eligibility' && !step.collection && step.schema !== undefined,
);

export function applyStepRoutes(services: Services) {
  const router = express.Router();

  for (const step of FIELD_STEPS) {
    const path = `/apply/${step.id}`;
    const fields = plainFieldsOf(step);
    const dates = dateFieldsOf(step);

    router.get(path, requireBeneficiary, async (req: Request, res: Response) => {
      const request = await editableRequest(services, req, res);
      if (!request) return;
      const values = valuesOf(request, fields);
      const row = request as unknown as Record<string, string | null>;
      for (const date of dates) values[date] = dateValues(row[date], row[`${date}Entered`]);
      const context = schemaContextFor(services, request);
      renderStep(req, res, step.id, { request, values, options: step.options?.(context) ?? {}, fields: step.fields });
    });

    router.post(path, requireBeneficiary, async (req: Request, res: Response) => {
      const request = await editableRequest(services, req, res);
      if (!request) return;
      const context = schemaContextFor(services, request);
      const form = parseForm(step.schema(context), req.body);
      if (!form.ok) {
        return renderStep(req, res, step.id, {
          request,
          values: typedValues(req.body, fields, dates),
          errors: form.errors,
          options: step.options?.(context) ?? {},
          fields: step.fields,
        });
      }
      await services.applications.saveStep(request.id, step.id, form.data as Record<string, unknown>, undefined, beneficiaryContext(req, res));
      res.redirect(303, nextPath(step.id, { returnTo: returnToOf(req) }));
    });
  }

  return router;
}
