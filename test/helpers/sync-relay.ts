import { bucketsOf, digestOf } from '../../core/sync/digest';
import type { SyncMessage, SyncRequest, SyncResponse } from '../../core/sync/protocol';
import type { Transport } from '../../electron/backend/sync/round';

/**
 * An in-memory stand-in for the central repository with the server's semantics (idempotent store
 * per timestamp, a sequence per stored message, pulls after a cursor, per-space digests), for
 * property tests that need thousands of syncs. The real server is tested against the same client
 * in the server suites.
 */
type Stored = SyncMessage & { seq: number; device: string };

export type Relay = {
  stored: Map<string, Stored>;
  /** The transport of one device (the relay, as the server, sends no device what it sent itself). */
  transport: (device: string, faults?: Faults) => Transport;
  /** Remembers what the relay holds now, as a backup would. */
  backup: () => void;
  /** Goes back to the last backup (or to empty), losing what came since, as a restored server does. */
  restore: () => void;
};

/**
 * What the network does to one round: lose the request, lose the answer, repeat or shuffle it;
 * `skipOne` leaves out one message while the cursor moves past it, as a pull can when two server
 * instances commit out of sequence order (only the digest check finds it).
 */
export type Faults = { loseRequest?: boolean; loseAnswer?: boolean; duplicate?: boolean; reverse?: boolean; skipOne?: boolean };

export class LostConnection extends Error {}

export function createRelay(): Relay {
  let stored = new Map<string, Stored>();
  let seq = 0;
  let saved: { stored: Map<string, Stored>; seq: number } = { stored: new Map(), seq: 0 };
  const inSpace = (space: string) => [...stored.values()].filter((m) => m.space === space);
  const strip = ({ seq: _seq, device: _device, ...m }: Stored): SyncMessage => m;
  const sync = (request: SyncRequest, device: string, faults: Faults): SyncResponse => {
    if (faults.loseRequest) throw new LostConnection('request lost');
    let fresh = 0;
    for (const m of request.messages) {
      if (stored.has(m.timestamp)) continue;
      stored.set(m.timestamp, { ...m, seq: ++seq, device });
      fresh++;
    }
    const limit = request.limit ?? 2000;
    const out: SyncMessage[] = [];
    const spaces: SyncResponse['spaces'] = {};
    for (const [space, { cursor }] of Object.entries(request.spaces)) {
      const waiting = inSpace(space)
        .filter((m) => m.seq > cursor)
        .sort((a, b) => a.seq - b.seq);
      const taken = waiting.slice(0, Math.max(0, limit - out.length));
      out.push(...taken.filter((m) => m.device !== device).map(strip));
      spaces[space] = { cursor: taken.at(-1)?.seq ?? cursor, more: taken.length < waiting.length, digest: digestOf(bucketsOf(inSpace(space).map((m) => m.timestamp))) };
    }
    if (faults.loseAnswer) throw new LostConnection('answer lost');
    let messages = faults.duplicate ? [...out, ...out] : out;
    if (faults.skipOne && messages.length > 0) messages = messages.slice(1);
    if (faults.reverse) messages = [...messages].reverse();
    return { serverTime: new Date().toISOString(), stored: fresh, messages, spaces };
  };
  return {
    get stored() {
      return stored;
    },
    backup: () => {
      saved = { stored: new Map(stored), seq };
    },
    restore: () => {
      stored = new Map(saved.stored);
      seq = saved.seq;
    },
    transport: (device, faults = {}) => ({
      sync: async (request) => sync(structuredClone(request), device, faults),
      buckets: async (space) => ({ space, buckets: bucketsOf(inSpace(space).map((m) => m.timestamp)) }),
      messages: async (space, from, after, limit) => {
        const list = inSpace(space)
          .filter((m) => m.timestamp >= from && (after === null || m.timestamp > after))
          .sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
        return { messages: list.slice(0, limit).map(strip), more: list.length > limit };
      },
    }),
  };
}
