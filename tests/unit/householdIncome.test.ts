import { describe, expect, it } from 'vitest';
import { householdIncome } from '../../src/domain/householdIncome.ts';

describe('household income', () => {
  it('adds the members’ incomes to the applicant’s and divides by everyone in the household', () => {
    const totals = householdIncome({
      incomeSalary: 3000,
      incomeSocialSecurity: 500,
      incomePension: null,
      incomeOther: null,
      householdMembers: [{ monthlyIncome: 1000 }, { monthlyIncome: null }],
    });
    expect(totals).toEqual({ applicantIncome: 3500, membersIncome: 1000, total: 4500, householdSize: 3, perPerson: 1500 });
  });

  it('counts the applicant alone when no member is listed, and rounds to the riyal', () => {
    expect(householdIncome({ incomeSalary: null, incomeSocialSecurity: null, incomePension: null, incomeOther: null, householdMembers: [] })).toMatchObject({ total: 0, householdSize: 1, perPerson: 0 });
    expect(householdIncome({ incomeSalary: 1000, incomeSocialSecurity: null, incomePension: null, incomeOther: null, householdMembers: [{ monthlyIncome: 0 }, { monthlyIncome: 0 }] }).perPerson).toBe(333);
  });
});
