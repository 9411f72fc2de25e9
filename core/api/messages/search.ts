import { defineApiMessages } from './define';

/** What search says about a query it could not take exactly as typed, in the knowledge base and quick search. */
export const searchMessages = defineApiMessages({
  'notice.searchTermsIgnored': {
    en: 'Only the first {max} search terms were used; ignored: {ignored}.',
    zh: '只使用了前 {max} 个搜索词，忽略了：{ignored}。',
  },
  'notice.searchOnlyExclusions': {
    en: 'Only words to leave out were given: add a word to search for.',
    zh: '只给出了要排除的词：请再添加一个要搜索的词。',
  },
  'notice.searchPrefixNarrowed': {
    en: 'Many words start with {prefixes}; only the most common were searched. Type more letters to narrow it.',
    zh: '以 {prefixes} 开头的词很多，只搜索了其中最常见的。多输入几个字母可缩小范围。',
  },
  'notice.searchBroad': {
    en: 'More than {count} documents match; the most recently added were ranked first. Add a word to narrow the search.',
    zh: '匹配的文档超过 {count} 篇，优先排列了最近添加的。再加一个词可缩小搜索范围。',
  },
  'notice.searchBudgetSpent': {
    en: 'With these filters, only the {count} newest matching documents were searched. Add a more specific word.',
    zh: '在这些筛选条件下，只搜索了最新的 {count} 篇匹配文档。请添加一个更具体的词。',
  },
  'notice.searchRelaxed': {
    en: 'Nothing matched the Chinese words as they were cut; these results share parts of them. Try other words or spaces between them.',
    zh: '按当前分词没有找到结果；以下结果包含其中的部分字词。可换用其他词语，或在词语之间加空格。',
  },
  'notice.searchFiltersArticlesOnly': {
    en: 'Scenario, type and tag filters apply to articles only: field notes and lessons are left out while one is set.',
    zh: '场景、类型和标签筛选只适用于知识文章：设置了筛选时，现场笔记和经验教训不在结果中。',
  },
});
