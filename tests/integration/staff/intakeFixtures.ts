import { nationalIdChecksumHolds } from '../../../src/domain/nationalId.ts';
import type { ActingContext } from '../../../src/services/actor.ts';
import type { TestApp } from '../../support/testApp.ts';

let serial = 100000;

/** A fresh, valid citizen ID each call (the check digit is found, not guessed). */
export function nextNationalId(): string {
  serial += 1;
  const stem = `10${String(serial).padStart(7, '0')}`;
  for (let digit = 0; digit <= 9; digit++) if (nationalIdChecksumHolds(`${stem}${digit}`)) return `${stem}${digit}`;
  throw new Error('no check digit');
}

export const APPLICANT_NAME = 'فاطمة محمد العتيبي';
export const VALID_IBAN = 'SA0380000000608010167519';
/** Another valid Saudi IBAN, for an officer's correction. */
export const OTHER_IBAN = 'SA4420000001234567891234';

/** A complete request with the applicant's own IBAN, signed online and submitted: the state the officers start from. */
export async function submittedRequest(testApp: TestApp, options: { idExpiryDate?: string; iban?: string | null } = {}) {
  const { services, data } = testApp;
  const beneficiary = await data.repositories.beneficiaries.create({ nationalId: nextNationalId(), mobile: '+966501234567', passwordHash: null });
  const context: ActingContext = { kind: 'beneficiary', id: beneficiary.id, label: APPLICANT_NAME, ip: '127.0.0.1' };
  const started = await services.applications.startOrResumeDraft(beneficiary.id, 'website', context);
  const id = started.request.id;
  const steps: [Parameters<typeof services.applications.saveStep>[1], Record<string, unknown>][] = [
    ['eligibility', { livesInServiceArea: true, city: 'الرياض' }],
    ['personal', { fullName: APPLICANT_NAME, birthDate: '1985-05-01', nationality: 'saudi', maritalStatus: 'married', idExpiryDate: options.idExpiryDate ?? '2030-01-01' }],
    ['contact', { city: 'الرياض', district: 'النسيم', email: null }],
    ['household', {}],
    ['income', { incomeSalary: 3000, incomeSocialSecurity: null, incomePension: null, incomeOther: null, obligationLoans: 500, obligationOther: null }],
    ['housing', { housingType: 'rented', monthlyRent: 1500 }],
    ['support', { supportType: 'rent', needDescription: 'أحتاج إلى مساعدة في سداد الإيجار المتأخر' }],
    ['bank', { iban: options.iban === undefined ? VALID_IBAN : options.iban }],
    ['documents', {}],
  ];
  for (const [step, values] of steps) await services.applications.saveStep(id, step, values, undefined, context);
  const signed = await services.applications.sign(id, { declarationAccepted: 'on', signatureName: APPLICANT_NAME, channel: 'website', ip: null, userAgent: null }, context);
  if (!signed.ok) throw new Error('fixture could not sign');
  await services.applications.submit(id, context);
  return { id, beneficiary, context };
}

export async function versionOf(testApp: TestApp, requestId: number): Promise<number> {
  const request = await testApp.data.repositories.requests.findById(requestId);
  if (!request) throw new Error('no request');
  return request.version;
}

export async function statusOf(testApp: TestApp, requestId: number): Promise<string> {
  const request = await testApp.data.repositories.requests.findById(requestId);
  return request?.status ?? 'missing';
}

