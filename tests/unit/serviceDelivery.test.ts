import { describe, expect, it } from 'vitest';
import { addMonths, changeReasonErrors, checkServiceDelivery, serviceExceedances, type ServiceApproval } from '../../src/domain/serviceDelivery.ts';

const rent: ServiceApproval = { supportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, startsOn: '2026-03-01' };
const payment = { serviceType: 'rent', amount: 1500, quantity: null, deliveredOn: '2026-03-10' };

describe('service delivery within the approval', () => {
  it('accepts deliveries that add up to the approval within its months', () => {
    expect(serviceExceedances(rent, [{ amount: 1500, quantity: null }, { amount: 1500, quantity: null }], { ...payment, deliveredOn: '2026-05-31' })).toEqual([]);
  });

  it('names each way a delivery goes beyond the approval', () => {
    expect(serviceExceedances(rent, [{ amount: 4000, quantity: null }], payment)).toEqual(['amount']);
    expect(serviceExceedances(rent, [], { ...payment, serviceType: 'food' })).toEqual(['type']);
    expect(serviceExceedances(rent, [], { ...payment, deliveredOn: '2026-06-01' })).toEqual(['duration']);
    expect(serviceExceedances(rent, [], { ...payment, deliveredOn: '2026-02-28' })).toEqual(['duration']);
    expect(serviceExceedances(rent, [], { ...payment, quantity: 1 })).toEqual(['quantity']);
  });

  it('refuses a future date, and an exceedance without a reason', () => {
    const check = (service: typeof payment, exceedReason: string | null) =>
      checkServiceDelivery({ approval: rent, delivered: [], service, exceedReason, today: '2026-03-10' });
    expect(check(payment, null)).toEqual({ errors: [], exceedances: [] });
    expect(check({ ...payment, deliveredOn: '2026-03-11' }, null).errors).toEqual([{ field: 'deliveredOn-day', code: 'committee:errors.deliveredInFuture' }]);
    expect(check({ ...payment, amount: 5000 }, '  ').errors).toEqual([{ field: 'exceedReason', code: 'committee:errors.exceedReasonRequired' }]);
    expect(check({ ...payment, amount: 5000 }, 'قرار المدير لظرف طارئ')).toEqual({ errors: [], exceedances: ['amount'] });
  });

  it('adds months keeping the day where the month allows', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('asks a reason for every correction or cancellation', () => {
    expect(changeReasonErrors(' ')).toEqual([{ field: 'reason', code: 'committee:errors.changeReasonRequired' }]);
    expect(changeReasonErrors('أُدخل المبلغ خطأ')).toEqual([]);
  });
});
