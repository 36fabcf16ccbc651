export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move forward instead of waiting. */
export function fixedClock(start: Date) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant: Date) => {
      current = new Date(instant);
    },
    advanceDays: (days: number) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}
