export interface RatingTarget {
  beneficiaryId: number;
  decisionReleasedAt: Date | null;
  ratedAt: Date | null;
  servicesDelivered: number;
}

/** A rating is offered once there is something to judge (a released decision or a delivered service), and only once. */
export function ratingOffered(target: RatingTarget): boolean {
  return target.ratedAt == null && (target.decisionReleasedAt != null || target.servicesDelivered > 0);
}
