import type { TFunction } from 'i18next';
import { toAppError } from './app-error';

/** A failure in the user's language, by its code (server messages are for logs, not people). */
export function errorText(error: unknown, t: TFunction): string {
  return t(`errors.${toAppError(error).code}`);
}
