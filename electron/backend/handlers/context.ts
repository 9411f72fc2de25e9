import type { Handlers } from '../../../core/api/dispatch';
import type { CallName } from '../../../core/api/contract';
import type { Emit } from '../events';
import type { ServiceContext } from '../services/context';

/**
 * What every domain's handlers may use. Handlers are thin adapters from a call to a service
 * (services/<domain>.ts holds the rules); a plain read with no rule may call a repository directly.
 */
export type HandlerContext = ServiceContext & {
  host: 'electron' | 'web';
  appVersion: string;
  schemaVersion: number;
  emit: Emit;
};

/** The handlers for one call map (e.g. `HandlersFor<typeof kbCalls>`). */
export type HandlersFor<M> = { [N in keyof M & CallName]: Handlers[N] };
