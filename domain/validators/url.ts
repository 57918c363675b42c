import { z } from 'zod';
import { accept, refuse, type Check } from './check';

const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** A web address a shop can be reached at: http(s) with a real host name. */
export function checkWebUrl(input: string): Check {
  const value = input.trim();
  return webAddress.safeParse(value).success ? accept(value) : refuse('url.invalid');
}
