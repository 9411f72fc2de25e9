import { joinMaps } from './join';
import { commonMessages } from './messages/common';
import { engagementMessages } from './messages/engagements';
import { assessmentMessages } from './messages/assessments';
import { fileMessages } from './messages/files';
import { riskMessages } from './messages/risks';
import { noteMessages } from './messages/notes';
import { proposalMessages } from './messages/proposals';
import { templateMessages } from './messages/templates';
import { transportMessages } from './messages/transport';
import { richTextMessages } from './messages/richtext';
import { storageMessages } from './messages/storage';
import { contentMessages } from './messages/content';
import { dataSafetyMessages } from './messages/data-safety';
import { archiveMessages } from './messages/archives';
import { syncMessages } from './messages/sync';
import { reviewMessages } from './messages/review';
import { searchMessages } from './messages/search';

/**
 * Everything the backend can say to a user, in English and Chinese: field issues, errors and
 * notices, one group per domain (messages/<domain>.ts), joined so a key is defined once.
 */
export const API_MESSAGES = joinMaps([commonMessages, engagementMessages, assessmentMessages, fileMessages, riskMessages, noteMessages, proposalMessages, templateMessages, transportMessages, richTextMessages, storageMessages, contentMessages, dataSafetyMessages, archiveMessages, syncMessages, reviewMessages, searchMessages]);

export type ApiMessageKey = keyof typeof API_MESSAGES;
