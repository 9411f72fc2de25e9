import { msg } from '../../../core/api/message';
import { ApiFailure, fieldFailure } from '../../../core/api/result';
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

export function customerOrFail(db: Db, id: string): Customer {
  return foundOrFail(getCustomer(db, id), 'record.customer', id);
}

export function engagementOrFail(db: Db, id: string): Engagement {
  return foundOrFail(getEngagement(db, id), 'record.engagement', id);
}

function checkScenarios(db: Db, scenarios: string[]): void {
  const [first] = unknownScenarios(db, scenarios);
  if (first !== undefined) throw fieldFailure(`scenarios.${scenarios.indexOf(first)}`, msg('issue.unknownScenario', { id: first }));
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
          throw fieldFailure(`contacts.${index}.id`, msg('issue.notOwnContact'));
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
    if (count > 0) throw new ApiFailure('conflict', msg('error.customerHasEngagements', { count }));
    return { removed: removeCustomer(db, id) };
  });
}

export function createEngagement(db: Db, args: ParsedArgs<'engagements.create'>): Engagement {
  return transact(db, () => {
    if (!getCustomer(db, args.customerId)) {
      throw fieldFailure('customerId', msg('issue.unknownCustomer'));
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
      throw patch.endDate === undefined ? fieldFailure('startDate', msg('issue.startAfterEnd')) : fieldFailure('endDate', msg('issue.endBeforeStart'));
    }
    return updateEngagement(db, existing, patch);
  });
}

export function deleteEngagement(db: Db, id: string): { removed: boolean } {
  return { removed: removeEngagement(db, id) };
}
