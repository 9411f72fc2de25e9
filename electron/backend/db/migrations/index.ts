import type { Migration } from './types';
import { initial } from './001-initial';
import { fieldWork } from './002-field-work';

/** Every migration this build ships, in order. Append only; never edit or reorder a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial, fieldWork];
