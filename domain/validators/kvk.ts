import { accept, refuse, type Check } from './check';

/**
 * KvK-nummer: exactly 8 digits, no checksum. People often copy the number with its branch
 * suffix (`12345678/0000`, from the KvK extract), which is accepted and stripped.
 */
export function checkKvk(input: string): Check {
  const withoutBranch = input.trim().replace(/\s*\/\s*\d{4}$/, '');
  const digits = withoutBranch.replace(/[\s.]/g, '');
  return /^\d{8}$/.test(digits) ? accept(digits) : refuse('kvk.format');
}
