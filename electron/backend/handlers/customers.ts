import type { customerCalls } from '../../../core/api/calls/customers';
import { listCustomers } from '../repos/engagement-repo';
import { changeCustomer, createCustomer, customerOrFail, deleteCustomer } from '../services/engagements';
import type { HandlerContext, HandlersFor } from './context';

export function customerHandlers({ db }: HandlerContext): HandlersFor<typeof customerCalls> {
  return {
    'customers.create': (args) => createCustomer(db, args),
    'customers.update': (args) => changeCustomer(db, args),
    'customers.list': ({ query }) => listCustomers(db, query),
    'customers.get': ({ id }) => customerOrFail(db, id),
    'customers.remove': ({ id }) => deleteCustomer(db, id),
  };
}
