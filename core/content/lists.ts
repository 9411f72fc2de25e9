/**
 * Fixed lists of the content-pack formats, without zod: the renderer and core's rules import these
 * and must not pull the schemas (content/schemas.ts builds its checks from the same lists).
 */

/** JSON Logic limited to the operators the assessment engine implements. */
export const RULE_OPERATORS = ['var', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '!', 'in'] as const;

export const RISK_CATEGORIES = ['data', 'compliance', 'integration', 'technical', 'organisation', 'commercial', 'operations', 'security'] as const;

/** The kinds of record a content pack brings (the importer holds updates back per kind and id). */
export const PACK_RECORD_KINDS = ['scenario', 'article', 'assessment', 'checklist', 'template'] as const;
export type PackRecordKind = (typeof PACK_RECORD_KINDS)[number];
