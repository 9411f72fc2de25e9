import type { SpaceState } from '../core/sync/protocol';
import type { StoredMessage } from './store/store';

/**
 * The JSON text of the answers that carry messages (core/sync/protocol.ts shapes). Each message
 * comes from the store as JSON text already (StoredMessage); everything else is written with
 * JSON.stringify. The device validates the whole answer against the protocol schema as before.
 */

function messagesJson(messages: readonly StoredMessage[]): string {
  return `[${messages.map((m) => m.json).join(',')}]`;
}

/** A SyncResponse; `pages` are the spaces' messages, each already a comma-joined run of message texts (store.ts storeAndPull). */
export function syncResponseJson(answer: { serverTime: string; stored: number; pages: readonly string[]; spaces: Record<string, SpaceState> }): string {
  return `{"serverTime":${JSON.stringify(answer.serverTime)},"stored":${answer.stored},"messages":[${answer.pages.filter((p) => p !== '').join(',')}],"spaces":${JSON.stringify(answer.spaces)}}`;
}

/** A MessagesResponse. */
export function messagesResponseJson(answer: { messages: readonly StoredMessage[]; more: boolean }): string {
  return `{"messages":${messagesJson(answer.messages)},"more":${answer.more}}`;
}
