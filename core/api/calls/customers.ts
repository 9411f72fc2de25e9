import { z } from 'zod';
import {
  CONTACT_FIELD_MAX,
  CONTACTS_MAX,
  CUSTOMER_FIELD_MAX,
  CUSTOMER_KINDS,
  CUSTOMER_NAME_MAX,
  CUSTOMER_NOTES_MAX,
  type Customer,
  type CustomerSummary,
} from '../../engagements/types';
import { id, returns, trimmedText } from './common';
import { listQuery, requiredText } from './engagements';

/** Customers (enterprises, operator branches) and their contacts. */

const email = trimmedText(CONTACT_FIELD_MAX).refine((value) => value === '' || /^[^\s@]+@[^\s@]+$/.test(value), 'issue.badEmail');

const contactFields = {
  name: requiredText(CONTACT_FIELD_MAX),
  role: trimmedText(CONTACT_FIELD_MAX).optional(),
  email: email.optional(),
  phone: trimmedText(50).optional(),
};
const newContact = z.object(contactFields).strict();
/** In an update a contact with an id changes that contact; one without is added. */
const contactUpdate = z.object({ id: id.optional(), ...contactFields }).strict();

const customerFields = {
  name: requiredText(CUSTOMER_NAME_MAX),
  kind: z.enum(CUSTOMER_KINDS),
  industry: trimmedText(CUSTOMER_FIELD_MAX).optional(),
  region: trimmedText(CUSTOMER_FIELD_MAX).optional(),
  notes: trimmedText(CUSTOMER_NOTES_MAX).optional(),
};

export const customerCalls = {
  /** Creates a customer with its contacts. */
  'customers.create': {
    args: z.object({ ...customerFields, contacts: z.array(newContact).max(CONTACTS_MAX).optional() }).strict(),
    result: returns<Customer>(),
  },
  /** Changes the fields given; a given contact list replaces the stored one (matched by id). */
  'customers.update': {
    args: z
      .object({
        id,
        name: customerFields.name.optional(),
        kind: customerFields.kind.optional(),
        industry: customerFields.industry,
        region: customerFields.region,
        notes: customerFields.notes,
        contacts: z.array(contactUpdate).max(CONTACTS_MAX).optional(),
      })
      .strict(),
    result: returns<Customer>(),
  },
  /** Customers by name, optionally those whose name, industry or region contain the query. */
  'customers.list': { args: z.object({ query: listQuery }).strict(), result: returns<CustomerSummary[]>() },
  /** One customer with its contacts. */
  'customers.get': { args: z.object({ id }).strict(), result: returns<Customer>() },
  /** Deletes a customer (a tombstone); refused while it has engagements. */
  'customers.remove': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
} as const;
