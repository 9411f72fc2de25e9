import type { Migration } from './types';

/**
 * The time zone an engagement's site keeps (IANA name, e.g. Asia/Shanghai): its documents give
 * times there, whatever zone the laptop is set to. Null (every existing engagement) means the
 * device's zone, as before. A synced column: an older app receiving it leaves it out.
 */
export const engagementTimeZone: Migration = {
  id: 8,
  name: 'engagement-time-zone',
  up(db) {
    db.exec('ALTER TABLE engagements ADD COLUMN time_zone TEXT;');
  },
};
