/** What a committee member recommends and what the chair decides: the same three choices. */
export const RECOMMENDATIONS = ['accept', 'reject', 'more_info'] as const;
export type RecommendationChoice = (typeof RECOMMENDATIONS)[number];
export const DECISION_OUTCOMES = RECOMMENDATIONS;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export type DecisionInput =
  | {
      outcome: 'accept';
      approvedSupportType: string;
      amount: number | null;
      quantity: number | null;
      durationMonths: number;
      note: string | null;
      beneficiaryNote?: string | null;
    }
  | { outcome: 'reject'; rejectionReason: string; note: string | null; beneficiaryNote?: string | null }
  | { outcome: 'more_info'; note: string };
