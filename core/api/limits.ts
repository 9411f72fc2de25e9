/**
 * The limits and fixed lists of the API contract, without zod: the renderer and Electron main
 * import these for a few numbers and must not pull every schema into their bundles. The call
 * maps (calls/*.ts) build their schemas from the same constants.
 */

/** Longest knowledge-base search query. */
export const SEARCH_QUERY_MAX = 2000;

/** Longest per-question note in an assessment. */
export const ANSWER_NOTE_MAX = 20_000;

/** Largest file accepted as an attachment. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** The records attachments can belong to (their table names). */
export const ATTACHMENT_OWNERS = ['assessment_answers', 'assessment_sessions', 'field_notes', 'risk_items', 'engagements', 'lessons'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/** Most items one "add from checklist" may carry (a whole large checklist fits). */
export const MAX_RISKS_PER_ADD = 200;
export const RISK_TEXT_LIMITS = { title: 300, description: 4000, mitigation: 4000, owner: 200, reason: 1000, query: 200 } as const;

/**
 * Total size of all section bodies sent in one proposal save (each section is also limited on its
 * own); below the browser host's request limit so the message is the contract's.
 */
export const MAX_PROPOSAL_SAVE_CHARS = 30 * 1024 * 1024;
export const VERSION_NAME_MAX = 200;
export const STATUS_REASON_MAX = 2000;

/** Largest template accepted (its JSON); a pack template is a few tens of kB. */
export const MAX_TEMPLATE_JSON_CHARS = 2 * 1024 * 1024;
export const MAX_TEMPLATE_SECTIONS = 200;
/** Largest Word document accepted for import as a template. */
export const MAX_IMPORT_DOCX_BYTES = 20 * 1024 * 1024;
