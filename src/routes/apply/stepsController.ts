import express, { type Request, type Response } from 'express';
import type { z } from 'zod';
import { todayIso } from '../../domain/dates.ts';
import {
  HOUSING_TYPES,
  MARITAL_STATUSES,
  NATIONALITIES,
  housingSchema,
  incomeSchema,
  makeContactSchema,
  makePersonalDetailsSchema,
  makeSupportSchema,
  parseForm,
} from '../../domain/requestForm.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import type { ApplicationStep } from '../../services/applicationService.ts';
import { dateValues, editableRequest, renderStep, returnToOf, typedValues, valuesOf } from './applyHelpers.ts';
import { nextPath } from './journey.ts';

interface FieldStep {
  id: ApplicationStep;
  fields: readonly string[];
  dates: readonly string[];
  schema(services: Services): z.ZodType;
  options?(services: Services): Record<string, readonly string[]>;
}

const INCOME_FIELDS = ['incomeSalary', 'incomeSocialSecurity', 'incomePension', 'incomeOther', 'obligationLoans', 'obligationOther'] as const;

/** Pages with one form each, validated by the shared schemas from src/domain/requestForm.ts. */
const FIELD_STEPS: readonly FieldStep[] = [
  {
    id: 'personal',
    fields: ['fullName', 'nationality', 'maritalStatus'],
    dates: ['birthDate', 'idExpiryDate'],
    schema: (services) => makePersonalDetailsSchema({ today: todayIso(services.clock.now(), services.config.timeZone) }),
    options: () => ({ nationality: NATIONALITIES, maritalStatus: MARITAL_STATUSES }),
  },
  {
    id: 'contact',
    fields: ['city', 'district', 'email'],
    dates: [],
    schema: (services) => makeContactSchema(services.config.serviceCities),
    options: (services) => ({ city: services.config.serviceCities }),
  },
  { id: 'income', fields: INCOME_FIELDS, dates: [], schema: () => incomeSchema },
  { id: 'housing', fields: ['housingType', 'monthlyRent'], dates: [], schema: () => housingSchema, options: () => ({ housingType: HOUSING_TYPES }) },
  {
    id: 'support',
    fields: ['supportType', 'needDescription'],
    dates: [],
    schema: (services) => makeSupportSchema(services.config.supportTypes),
    options: (services) => ({ supportType: services.config.supportTypes }),
  },
];

export function applyStepRoutes(services: Services) {
  const router = express.Router();

  for (const step of FIELD_STEPS) {
    const path = `/apply/${step.id}`;
    const options = () => step.options?.(services) ?? {};

    router.get(path, requireBeneficiary, async (req: Request, res: Response) => {
      const request = await editableRequest(services, req, res);
      if (!request) return;
      const values = valuesOf(request, step.fields);
      for (const date of step.dates) {
        const row = request as unknown as Record<string, string | null>;
        values[date] = dateValues(row[date], row[`${date}Entered`]);
      }
      renderStep(req, res, step.id, { request, values, options: options() });
    });

    router.post(path, requireBeneficiary, async (req: Request, res: Response) => {
      const request = await editableRequest(services, req, res);
      if (!request) return;
      const form = parseForm(step.schema(services), req.body);
      if (!form.ok) {
        return renderStep(req, res, step.id, { request, values: typedValues(req.body, step.fields, step.dates), errors: form.errors, options: options() });
      }
      await services.applications.saveStep(request.id, step.id, form.data as Record<string, unknown>, undefined, beneficiaryContext(req, res));
      res.redirect(303, nextPath(step.id, { returnTo: returnToOf(req) }));
    });
  }

  return router;
}
