/** The sections of the left navigation, in order; each has `nav.<id>` (and, when empty, `empty.<id>.*`) messages. */
export const SECTIONS = ['kb', 'engagements', 'assessments', 'proposals', 'risks', 'review', 'sync'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Sections that hold no records yet on any device: they show an empty state. */
export type EmptySectionId = Exclude<SectionId, 'kb' | 'engagements' | 'assessments' | 'proposals' | 'risks'>;
export const EMPTY_SECTIONS: readonly EmptySectionId[] = ['review', 'sync'];
