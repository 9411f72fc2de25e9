import { ApiFailure } from '../../../core/api/result';
import { ENGAGEMENT_ISSUES } from '../../../core/api/calls/engagements';
import type { ParsedArgs } from '../../../core/api/contract';
import type { Customer, Engagement } from '../../../core/engagements/types';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import {
  contactIds,
  countEngagements,
  getCustomer,
  getEngagement,
  insertCustomer,
  insertEngagement,
  removeCustomer,
  removeEngagement,
  unknownScenarios,
  updateCustomer,
  updateEngagement,
} from '../repos/engagement-repo';
import { foundOrFail } from './found';

/** Customers and engagements: the rules around their records. */

/** A bad_request that names the field, so forms can show it next to that field. */
function badField(path: string, message: string, detail: string): ApiFailure {
  return new ApiFailure('bad_request', `${path}: ${detail}`, [{ path, message }]);
}

export function customerOrFail(db: Db, id: string): Customer {
  return foundOrFail(getCustomer(db, id), 'customer', id);
}

export function engagementOrFail(db: Db, id: string): Engagement {
  return foundOrFail(getEngagement(db, id), 'engagement', id);
}

function checkScenarios(db: Db, scenarios: string[]): void {
  const [first, ...rest] = unknownScenarios(db, scenarios);
  if (first !== undefined) {
    const named = [first, ...rest].join('", "');
    throw badField(`scenarios.${scenarios.indexOf(first)}`, ENGAGEMENT_ISSUES.unknownScenario, `no scenario "${named}" in this workbench.`);
  }
}

export function createCustomer(db: Db, args: ParsedArgs<'customers.create'>): Customer {
  return insertCustomer(db, args);
}

export function changeCustomer(db: Db, { id, ...patch }: ParsedArgs<'customers.update'>): Customer {
  return transact(db, () => {
    const existing = customerOrFail(db, id);
    if (patch.contacts) {
      const own = contactIds(db, id);
      patch.contacts.forEach((contact, index) => {
        if (contact.id !== undefined && !own.has(contact.id)) {
          throw badField(`contacts.${index}.id`, ENGAGEMENT_ISSUES.notOwnContact, `contact "${contact.id}" does not belong to customer "${id}".`);
        }
      });
    }
    return updateCustomer(db, existing, patch);
  });
}

/** Refused while the customer has engagements: they would lose their customer. */
export function deleteCustomer(db: Db, id: string): { removed: boolean } {
  return transact(db, () => {
    const count = countEngagements(db, id);
    if (count > 0) {
      throw new ApiFailure('conflict', `Customer "${id}" still has ${count} engagement(s); delete or keep them before deleting the customer.`);
    }
    return { removed: removeCustomer(db, id) };
  });
}

export function createEngagement(db: Db, args: ParsedArgs<'engagements.create'>): Engagement {
  return transact(db, () => {
    if (!getCustomer(db, args.customerId)) {
      throw badField('customerId', ENGAGEMENT_ISSUES.unknownCustomer, `no customer with id "${args.customerId}".`);
    }
    checkScenarios(db, args.scenarios);
    return insertEngagement(db, args);
  });
}

export function changeEngagement(db: Db, { id, ...patch }: ParsedArgs<'engagements.update'>): Engagement {
  return transact(db, () => {
    const existing = engagementOrFail(db, id);
    if (patch.scenarios) checkScenarios(db, patch.scenarios);
    // One date may change alone: compare it with the stored other one.
    const start = patch.startDate === undefined ? existing.startDate : patch.startDate;
    const end = patch.endDate === undefined ? existing.endDate : patch.endDate;
    if (start && end && end < start) {
      const path = patch.endDate === undefined ? 'startDate' : 'endDate';
      const message = path === 'endDate' ? ENGAGEMENT_ISSUES.endBeforeStart : ENGAGEMENT_ISSUES.startAfterEnd;
      throw badField(path, message, `${end} is before ${start}.`);
    }
    return updateEngagement(db, existing, patch);
  });
}

export function deleteEngagement(db: Db, id: string): { removed: boolean } {
  return { removed: removeEngagement(db, id) };
}
