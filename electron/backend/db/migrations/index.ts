import type { Migration } from './types';
import { initial } from './001-initial';
import { fieldWork } from './002-field-work';
import { packUpdates } from './003-pack-updates';
import { sync } from './004-sync';
import { searchRelevance } from './005-search-relevance';
import { glossary } from './006-glossary';
import { searchFacets } from './007-search-facets';
import { engagementTimeZone } from './008-engagement-time-zone';
import { searchBacklog } from './009-search-backlog';
import { distinctStems } from './010-distinct-stems';
import { conflictAuthors } from './011-conflict-authors';

/** Every migration this build ships, in order. Append only; never edit or reorder a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial, fieldWork, packUpdates, sync, searchRelevance, glossary, searchFacets, engagementTimeZone, searchBacklog, distinctStems, conflictAuthors];
