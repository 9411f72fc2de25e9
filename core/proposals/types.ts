import type { Lang, Localized } from '../i18n';

/**
 * The POC proposal model shared by generation (core), the backend, the proposal screens and the
 * exporters. All money and rates are decimal STRINGS (see money.ts); rich text is Lexical editor
 * state JSON, checked by core/proposals/document.ts before it is stored.
 */

export const PROPOSAL_STATUSES = ['draft', 'internal-review', 'sent', 'won', 'lost'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Allowed status moves (won and lost are final). */
export const PROPOSAL_STATUS_MOVES: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  draft: ['internal-review'],
  'internal-review': ['sent', 'draft'],
  sent: ['won', 'lost'],
  won: [],
  lost: [],
};
/** Statuses in which a proposal is what the customer received: read-only; a new revision (a copy) is edited instead. */
export const LOCKED_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['sent', 'won', 'lost'];
export function isLockedProposal(status: ProposalStatus): boolean {
  return LOCKED_PROPOSAL_STATUSES.includes(status);
}
/** Statuses that need a reason (kept for win/loss analytics). */
export const STATUSES_NEEDING_REASON: readonly ProposalStatus[] = ['won', 'lost'];

export const PROPOSAL_SECTION_KINDS = ['text', 'risks', 'success-criteria', 'pricing', 'timeline'] as const;
export type ProposalSectionKind = (typeof PROPOSAL_SECTION_KINDS)[number];

export const PROVENANCE_KINDS = ['template', 'answer', 'score', 'article', 'risk', 'engagement', 'default'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/**
 * Where one generated block came from. `ref` is an id: template `<templateId>@<version>#<sectionId>`,
 * answer/question id, dimension id, KB article id, risk item id, engagement field name, or the
 * default's name. `label` is the human words shown in the editor ("answer Monthly contacts = 250,000").
 */
export type ProvenanceRef = { kind: ProvenanceKind; ref: string; label?: string };
export type Provenance = ProvenanceRef[];

/**
 * The Lexical NodeState key under which a block node (paragraph, heading, list, table, quote)
 * carries its provenance. Lexical serialises NodeState under the node's `$` key, so a stored
 * block looks like `{ type: 'paragraph', …, $: { provenance: [...] } }`.
 */
export const PROVENANCE_STATE_KEY = 'provenance';
/** Most provenance entries one block may carry; generation never needs more than a handful. */
export const MAX_PROVENANCE_PER_BLOCK = 20;
export const MAX_PROVENANCE_REF_CHARS = 300;
export const MAX_PROVENANCE_LABEL_CHARS = 500;

/** The inline node for a variable that could not be filled (Lexical `type`). */
export const VARIABLE_NODE_TYPE = 'variable';
export const VARIABLE_REASONS = ['unknown', 'no-answer', 'no-value'] as const;
/** unknown: not a variable templates may use; no-answer: the question is unanswered; no-value: e.g. no engagement end date, no team. */
export type VariableReason = (typeof VARIABLE_REASONS)[number];
/**
 * A serialized VariableNode: `{ type: 'variable', version: 1, name, reason, suggestion? }`, an
 * inline node (a DecoratorNode in the editor) that reads as `{{name}}`. `suggestion` is the
 * closest known variable for a misspelt one. The document check keeps exactly these fields.
 */
export type SerializedVariableNode = {
  type: typeof VARIABLE_NODE_TYPE;
  version: 1;
  name: string;
  reason: VariableReason;
  suggestion?: string;
};

/** Largest serialized body of one proposal section. */
export const MAX_PROPOSAL_SECTION_JSON_BYTES = 2 * 1024 * 1024;
/** Most rows a table in a proposal may have (the editor refuses bigger pastes with the same limit). */
export const MAX_TABLE_ROWS = 500;
/** Most columns a table in a proposal may have. */
export const MAX_TABLE_COLUMNS = 30;
export const MAX_PROPOSAL_SECTIONS = 200;
export const PROPOSAL_TITLE_MAX = 300;
export const SECTION_TITLE_MAX = 300;

export type ProposalSection = {
  /** Stable within the proposal (generation uses the template section id, or `<id>-<n>` for repeats). */
  id: string;
  title: string;
  kind: ProposalSectionKind;
  /** Lexical editor state JSON; for the structured kinds an optional introduction above the table/chart. */
  bodyJson: string;
  /** Where the section as a whole came from (the blocks inside carry their own provenance). */
  source: Provenance;
};

export const MAX_SUCCESS_CRITERIA = 100;
export const CRITERION_FIELD_MAX = 1000;
export type SuccessCriterion = { metric: string; target: string; measurement: string };

/** A currency as an ISO 4217 code; templates may name any, the editor offers COMMON_CURRENCIES first. */
export type Currency = string;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const COMMON_CURRENCIES: readonly Currency[] = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY', 'SGD'];

export const DISCOUNT_KINDS = ['percent', 'amount'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

export const MAX_PRICING_LINES = 200;
export const PRICING_TEXT_MAX = 300;

export type PricingLine = {
  id: string;
  item: string;
  unit: string;
  /** Decimal strings, e.g. "2", "0.5", "2800.00". */
  quantity: string;
  unitPrice: string;
  /** Per-line discount in percent (0–100), decimal string. */
  discountPercent?: string;
};

export type Pricing = {
  currency: Currency;
  /** A fraction, e.g. "0.06" for 6 %. */
  taxRate: string;
  /** Whole-proposal discount, applied to the subtotal before tax: percent (0–100) or an amount in the currency. */
  discount: { kind: DiscountKind; value: string };
  lines: PricingLine[];
};

/** Computed by pricingTotals (money.ts); every figure a decimal string with 2 places. */
export type PricingTotals = {
  lines: { id: string; net: string }[];
  subtotal: string;
  discount: string;
  taxable: string;
  tax: string;
  total: string;
};

export const MAX_TIMELINE_PHASES = 52;
export const MAX_PHASE_WEEKS = 52;
export const TIMELINE_TEXT_MAX = 1000;

export type TimelinePhase = {
  id: string;
  name: string;
  /** Whole weeks, 1–52. */
  weeks: number;
  deliverables: string;
  /** A milestone reached at the end of the phase. */
  milestone?: string;
};

export type Timeline = {
  /** YYYY-MM-DD */
  start: string;
  phases: TimelinePhase[];
};

/** A phase with its dates (timelineSchedule in timeline.ts); end is the last day of the phase. */
export type ScheduledPhase = TimelinePhase & { start: string; end: string };

export type Proposal = {
  id: string;
  engagementId: string;
  sessionId: string | null;
  templateId: string;
  templateVersion: number;
  title: string;
  lang: Lang;
  status: ProposalStatus;
  /** Why it was won or lost (or why it went back to draft); '' otherwise. */
  statusReason: string;
  sections: ProposalSection[];
  successCriteria: SuccessCriterion[];
  pricing: Pricing;
  timeline: Timeline;
  createdAt: string;
  updatedAt: string;
};

/** A problem found while generating: which section, which variable or rule, and what is wrong. */
export type GenerationProblem = {
  sectionId: string;
  sectionTitle: string;
  kind: 'unknown-variable' | 'missing-value' | 'broken-rule' | 'missing-article' | 'empty-repeat' | 'long-table';
  /** The variable name or the rule as JSON, when the problem is about one (for long-table: the table's row count). */
  subject: string;
  message: string;
};

/** An article-sourced block past the article's review date. */
export type StaleBlock = {
  sectionId: string;
  sectionTitle: string;
  /** Index of the block among the section body's top-level children. */
  blockIndex: number;
  articleId: string;
  articleTitle: string;
  reviewDate: string;
};

export type ProposalSummary = {
  id: string;
  title: string;
  engagementId: string;
  engagementTitle: string;
  customerName: string;
  status: ProposalStatus;
  lang: Lang;
  total: string;
  currency: Currency;
  updatedAt: string;
  versionCount: number;
};

/** proposals.get: the proposal with what the editor needs around it. */
export type ProposalDetail = Proposal & {
  stale: StaleBlock[];
  templateTitle: Localized | null;
  /** Per article id used in the proposal: its review date when it has one. */
  articleReviewDates: Record<string, string>;
  /** Every status move, oldest first (kept for win/loss analytics). */
  history: StatusHistoryEntry[];
};

/** What a version stores and returns: the whole proposal as it was. */
export type ProposalSnapshot = Pick<
  Proposal,
  'title' | 'lang' | 'status' | 'statusReason' | 'sections' | 'successCriteria' | 'pricing' | 'timeline' | 'templateId' | 'templateVersion'
>;

export type ProposalVersionSummary = {
  id: string;
  proposalId: string;
  name: string;
  /** true for the versions saved by restore ("Before restoring …"). */
  automatic: boolean;
  createdAt: string;
};

export type ProposalVersion = ProposalVersionSummary & { snapshot: ProposalSnapshot };

export type StatusHistoryEntry = { from: ProposalStatus | null; to: ProposalStatus; reason: string; at: string };

/** One word (or Chinese character, or run of spaces) of a compared text, as a side-by-side view marks it. */
export type DiffToken = { text: string; op: 'same' | 'added' | 'removed' };

/**
 * How one section differs between two snapshots. `tokens` is the word-level diff of the section's
 * plain text (title line first): the left column shows 'same' + 'removed', the right 'same' + 'added'.
 */
export type SectionDiff = {
  id: string;
  change: 'same' | 'added' | 'removed' | 'changed';
  fromTitle: string | null;
  toTitle: string | null;
  tokens: DiffToken[];
};

/** A changed field outside the section bodies, e.g. path "pricing.lines.2.unitPrice", label "Unit price on line 3". */
export type FieldChange = {
  path: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  from: string | null;
  to: string | null;
};

export type ProposalDiff = {
  sections: SectionDiff[];
  fields: FieldChange[];
  /** Totals before and after, so a reviewer sees the commercial effect at once. */
  totals: { from: string; to: string; currencyFrom: string; currencyTo: string };
};

/** One side of a comparison: the current proposal or a saved version. */
export type CompareSide = { kind: 'current'; savedAt: string } | { kind: 'version'; versionId: string; name: string; savedAt: string };
export type ProposalComparison = { from: CompareSide; to: CompareSide; diff: ProposalDiff };
