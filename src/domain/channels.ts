/** The eight intake channels named in the association's beneficiary-relations policy. */
export const CHANNELS = [
  'interview',
  'phone',
  'social_media',
  'letter',
  'help_request_service',
  'volunteering',
  'website',
  'branch_representative',
] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function channelLabelKey(channel: Channel): string {
  return `channels.${channel}`;
}
