/** The monthly income lines of a request, in whole riyals (null when not given). */
export interface IncomeLines {
  incomeSalary: number | null;
  incomeSocialSecurity: number | null;
  incomePension: number | null;
  incomeOther: number | null;
  householdMembers: readonly { monthlyIncome: number | null }[];
}

export interface HouseholdIncome {
  applicantIncome: number;
  membersIncome: number;
  total: number;
  /** The applicant and every household member listed. */
  householdSize: number;
  /** Rounded to the nearest riyal. */
  perPerson: number;
}

/** Total monthly household income and income per person, the applicant's income and the members' together. */
export function householdIncome(request: IncomeLines): HouseholdIncome {
  const applicantIncome = [request.incomeSalary, request.incomeSocialSecurity, request.incomePension, request.incomeOther].reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const membersIncome = request.householdMembers.reduce((sum, member) => sum + (member.monthlyIncome ?? 0), 0);
  const total = applicantIncome + membersIncome;
  const householdSize = 1 + request.householdMembers.length;
  return { applicantIncome, membersIncome, total, householdSize, perPerson: Math.round(total / householdSize) };
}
