import type { Db } from '../connection';

/** A numbered schema change, applied once inside its own transaction. */
export type Migration = {
  id: number;
  name: string;
  up: (db: Db) => void;
};
