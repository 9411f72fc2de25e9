/** The sections of the left navigation, in order; each has a `nav.<id>` message and a route of the same name. */
export const SECTIONS = ['kb', 'engagements', 'assessments', 'proposals', 'risks', 'lessons', 'review', 'sync'] as const;
export type SectionId = (typeof SECTIONS)[number];
