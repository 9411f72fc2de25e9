import type {
  Contact,
  Customer,
  CustomerKind,
  CustomerRef,
  CustomerSummary,
  Engagement,
  EngagementStage,
  EngagementSummary,
  TeamMember,
} from '../../../core/engagements/types';
import type { Db } from '../db/connection';
import { stringArray } from './json';
import { newId, nowIso } from './ids';

/** Customers, their contacts and engagements. Deleting is a tombstone (deleted = 1) everywhere. */

type CustomerRow = {
  id: string;
  name: string;
  kind: CustomerKind;
  industry: string;
  region: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

type ContactRow = { id: string; name: string; role: string; email: string; phone: string };

type EngagementRow = {
  id: string;
  customer_id: string;
  title: string;
  stage: EngagementStage;
  scenarios: string;
  team: string;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
};

export type ContactInput = { id?: string; name: string; role?: string; email?: string; phone?: string };

export type CustomerInput = {
  name: string;
  kind: CustomerKind;
  industry?: string;
  region?: string;
  notes?: string;
  contacts?: ContactInput[];
};

export type CustomerPatch = Partial<CustomerInput>;

export type EngagementInput = {
  customerId: string;
  title: string;
  scenarios: string[];
  stage: EngagementStage;
  startDate?: string | null;
  endDate?: string | null;
  team?: { name: string; role?: string }[];
};

export type EngagementPatch = Partial<Omit<EngagementInput, 'customerId'>>;

/** Case-insensitive containment that also works for Chinese (SQLite's lower() folds ASCII only). */
function contains(haystacks: string[], query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' || haystacks.some((h) => h.toLocaleLowerCase().includes(needle));
}

function teamFromJson(text: string): TeamMember[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return [];
    const { name, role } = v as Record<string, unknown>;
    return typeof name === 'string' ? [{ name, role: typeof role === 'string' ? role : '' }] : [];
  });
}

function toRef(row: Pick<CustomerRow, 'id' | 'name' | 'kind' | 'industry' | 'region'>): CustomerRef {
  return { id: row.id, name: row.name, kind: row.kind, industry: row.industry, region: row.region };
}

// Customers -----------------------------------------------------------------------------------

export function getCustomer(db: Db, id: string): Customer | null {
  const row = db.prepare('SELECT * FROM customers WHERE id = ? AND deleted = 0').get(id) as CustomerRow | undefined;
  if (!row) return null;
  const contacts = db
    .prepare('SELECT id, name, role, email, phone FROM customer_contacts WHERE customer_id = ? AND deleted = 0 ORDER BY created_at, rowid')
    .all(id) as ContactRow[];
  return { ...toRef(row), notes: row.notes, contacts: contacts.map((c): Contact => ({ ...c })), createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listCustomers(db: Db, query = ''): CustomerSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.kind, c.industry, c.region, c.updated_at,
         (SELECT count(*) FROM engagements e WHERE e.customer_id = c.id AND e.deleted = 0) AS engagement_count
       FROM customers c WHERE c.deleted = 0 ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as (CustomerRow & { engagement_count: number })[];
  return rows
    .filter((r) => contains([r.name, r.industry, r.region], query))
    .map((r) => ({ ...toRef(r), engagementCount: r.engagement_count, updatedAt: r.updated_at }));
}

/** Contact ids that belong to the customer and are not deleted. */
export function contactIds(db: Db, customerId: string): Set<string> {
  const ids = db.prepare('SELECT id FROM customer_contacts WHERE customer_id = ? AND deleted = 0').pluck().all(customerId) as string[];
  return new Set(ids);
}

export function insertCustomer(db: Db, input: CustomerInput): Customer {
  const id = newId();
  const now = nowIso();
  db.transaction(() => {
    db.prepare(
      'INSERT INTO customers (id, name, kind, industry, region, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.name, input.kind, input.industry ?? '', input.region ?? '', input.notes ?? '', now, now);
    for (const contact of input.contacts ?? []) insertContact(db, id, contact, now);
  })();
  const customer = getCustomer(db, id);
  if (!customer) throw new Error('customer vanished after insert');
  return customer;
}

function insertContact(db: Db, customerId: string, contact: ContactInput, now: string): void {
  db.prepare(
    'INSERT INTO customer_contacts (id, customer_id, name, role, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(newId(), customerId, contact.name, contact.role ?? '', contact.email ?? '', contact.phone ?? '', now, now);
}

/**
 * Applies the fields given and keeps the others. A given contact list replaces the stored one:
 * contacts with an id are updated (fields not given are kept), new ones added, missing ones
 * tombstoned. The caller checks that every given contact id belongs to this customer.
 */
export function updateCustomer(db: Db, existing: Customer, patch: CustomerPatch): Customer {
  const now = nowIso();
  db.transaction(() => {
    db.prepare('UPDATE customers SET name = ?, kind = ?, industry = ?, region = ?, notes = ?, updated_at = ? WHERE id = ?').run(
      patch.name ?? existing.name,
      patch.kind ?? existing.kind,
      patch.industry ?? existing.industry,
      patch.region ?? existing.region,
      patch.notes ?? existing.notes,
      now,
      existing.id,
    );
    if (patch.contacts) replaceContacts(db, existing, patch.contacts, now);
  })();
  const customer = getCustomer(db, existing.id);
  if (!customer) throw new Error('customer vanished after update');
  return customer;
}

function replaceContacts(db: Db, existing: Customer, contacts: ContactInput[], now: string): void {
  const stored = new Map(existing.contacts.map((c) => [c.id, c]));
  const kept = new Set<string>();
  const update = db.prepare('UPDATE customer_contacts SET name = ?, role = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?');
  for (const contact of contacts) {
    const old = contact.id === undefined ? undefined : stored.get(contact.id);
    if (!old) {
      insertContact(db, existing.id, contact, now);
      continue;
    }
    kept.add(old.id);
    update.run(contact.name, contact.role ?? old.role, contact.email ?? old.email, contact.phone ?? old.phone, now, old.id);
  }
  const tombstone = db.prepare('UPDATE customer_contacts SET deleted = 1, updated_at = ? WHERE id = ?');
  for (const id of stored.keys()) if (!kept.has(id)) tombstone.run(now, id);
}

export function countEngagements(db: Db, customerId: string): number {
  return db.prepare('SELECT count(*) FROM engagements WHERE customer_id = ? AND deleted = 0').pluck().get(customerId) as number;
}

/** Tombstones the customer and its contacts; false when there was nothing to delete. */
export function removeCustomer(db: Db, id: string): boolean {
  const now = nowIso();
  return db.transaction(() => {
    const changed = db.prepare('UPDATE customers SET deleted = 1, updated_at = ? WHERE id = ? AND deleted = 0').run(now, id).changes > 0;
    if (changed) db.prepare('UPDATE customer_contacts SET deleted = 1, updated_at = ? WHERE customer_id = ? AND deleted = 0').run(now, id);
    return changed;
  })();
}

// Engagements ---------------------------------------------------------------------------------

/** The ids among `ids` that are not live scenarios. */
export function unknownScenarios(db: Db, ids: string[]): string[] {
  const known = new Set(db.prepare('SELECT id FROM scenarios WHERE deleted = 0').pluck().all() as string[]);
  return ids.filter((id) => !known.has(id));
}

export function getEngagement(db: Db, id: string): Engagement | null {
  const row = db.prepare('SELECT * FROM engagements WHERE id = ? AND deleted = 0').get(id) as EngagementRow | undefined;
  if (!row) return null;
  // The customer row may be a tombstone only if it was deleted elsewhere (sync); still show its name.
  const customer = db.prepare('SELECT id, name, kind, industry, region FROM customers WHERE id = ?').get(row.customer_id) as CustomerRow | undefined;
  if (!customer) return null;
  return {
    id: row.id,
    title: row.title,
    customer: toRef(customer),
    stage: row.stage,
    scenarios: stringArray(row.scenarios),
    startDate: row.start_date,
    endDate: row.end_date,
    team: teamFromJson(row.team),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listEngagements(db: Db, filter: { customerId?: string; stage?: EngagementStage; query?: string }): EngagementSummary[] {
  const where = ['e.deleted = 0'];
  const params: string[] = [];
  if (filter.customerId !== undefined) {
    where.push('e.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.stage !== undefined) {
    where.push('e.stage = ?');
    params.push(filter.stage);
  }
  const rows = db
    .prepare(
      `SELECT e.*, c.name AS customer_name FROM engagements e JOIN customers c ON c.id = e.customer_id
       WHERE ${where.join(' AND ')} ORDER BY e.updated_at DESC, e.rowid DESC`,
    )
    .all(...params) as (EngagementRow & { customer_name: string })[];
  return rows
    .filter((r) => contains([r.title, r.customer_name], filter.query ?? ''))
    .map((r) => ({
      id: r.id,
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      stage: r.stage,
      scenarios: stringArray(r.scenarios),
      startDate: r.start_date,
      endDate: r.end_date,
      updatedAt: r.updated_at,
    }));
}

function teamToJson(team: { name: string; role?: string }[]): string {
  return JSON.stringify(team.map((m) => ({ name: m.name, role: m.role ?? '' })));
}

export function insertEngagement(db: Db, input: EngagementInput): Engagement {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO engagements (id, customer_id, title, stage, scenarios, team, start_date, end_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.customerId,
    input.title,
    input.stage,
    JSON.stringify(input.scenarios),
    teamToJson(input.team ?? []),
    input.startDate ?? null,
    input.endDate ?? null,
    now,
    now,
  );
  const engagement = getEngagement(db, id);
  if (!engagement) throw new Error('engagement vanished after insert');
  return engagement;
}

/** Applies the fields given and keeps the others; a date given as null is cleared. */
export function updateEngagement(db: Db, existing: Engagement, patch: EngagementPatch): Engagement {
  db.prepare('UPDATE engagements SET title = ?, stage = ?, scenarios = ?, team = ?, start_date = ?, end_date = ?, updated_at = ? WHERE id = ?').run(
    patch.title ?? existing.title,
    patch.stage ?? existing.stage,
    JSON.stringify(patch.scenarios ?? existing.scenarios),
    teamToJson(patch.team ?? existing.team),
    patch.startDate === undefined ? existing.startDate : patch.startDate,
    patch.endDate === undefined ? existing.endDate : patch.endDate,
    nowIso(),
    existing.id,
  );
  const engagement = getEngagement(db, existing.id);
  if (!engagement) throw new Error('engagement vanished after update');
  return engagement;
}

export function removeEngagement(db: Db, id: string): boolean {
  return db.prepare('UPDATE engagements SET deleted = 1, updated_at = ? WHERE id = ? AND deleted = 0').run(nowIso(), id).changes > 0;
}
