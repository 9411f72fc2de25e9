/** Customers and engagements: who the consultant works for, and each piece of work done there. */

export const CUSTOMER_KINDS = ['enterprise', 'operator-branch'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** Where an engagement stands, in the order work usually moves through them. */
export const ENGAGEMENT_STAGES = ['discovery', 'assessment', 'proposal', 'poc', 'delivery', 'closed'] as const;
export type EngagementStage = (typeof ENGAGEMENT_STAGES)[number];

/** Text limits shared by the contract's schemas and the forms that feed them. */
export const CUSTOMER_NAME_MAX = 200;
export const CUSTOMER_FIELD_MAX = 100;
export const CUSTOMER_NOTES_MAX = 5000;
export const CONTACTS_MAX = 50;
export const CONTACT_FIELD_MAX = 200;
export const ENGAGEMENT_TITLE_MAX = 200;
export const ENGAGEMENT_SCENARIOS_MAX = 8;
export const TEAM_MAX = 30;
export const LIST_QUERY_MAX = 200;

/** A person at the customer. Empty strings for what is not known. */
export type Contact = {
  id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
};

/** The customer fields shown wherever an engagement names its customer. */
export type CustomerRef = {
  id: string;
  name: string;
  kind: CustomerKind;
  industry: string;
  region: string;
};

export type CustomerSummary = CustomerRef & {
  /** Engagements with this customer that are not deleted. */
  engagementCount: number;
  updatedAt: string;
};

export type Customer = CustomerRef & {
  notes: string;
  /** In the order they were added. */
  contacts: Contact[];
  createdAt: string;
  updatedAt: string;
};

/** A member of the delivery team (not a user account: consultants work offline). */
export type TeamMember = { name: string; role: string };

export type EngagementSummary = {
  id: string;
  title: string;
  customerId: string;
  customerName: string;
  stage: EngagementStage;
  /** Scenario ids (see `scenarios.list`). */
  scenarios: string[];
  /** YYYY-MM-DD or null when not set. */
  startDate: string | null;
  endDate: string | null;
  updatedAt: string;
};

export type Engagement = {
  id: string;
  title: string;
  customer: CustomerRef;
  stage: EngagementStage;
  scenarios: string[];
  startDate: string | null;
  endDate: string | null;
  /** The site's time zone (IANA name) its documents give times in; null: the device's. */
  timeZone: string | null;
  team: TeamMember[];
  createdAt: string;
  updatedAt: string;
};
