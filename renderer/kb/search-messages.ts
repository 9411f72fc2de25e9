import { defineMessages } from '../i18n/define';

/** Search over articles, field notes and lessons: kind badges, the kind filter, owners of notes and lessons. */
export const searchMessages = defineMessages(
  {
    'search.kind.kb': 'Article',
    'search.kind.note': 'Field note',
    'search.kind.lesson': 'Lesson',
    'search.kindFilter': 'Show',
    'search.kindAll': 'Everything',
    'search.kinds.kb': 'Articles',
    'search.kinds.note': 'Field notes',
    'search.kinds.lesson': 'Lessons',
    'search.engagement': 'Engagement: {title}',
    'search.noEngagement': 'Not linked to an engagement',
    'search.kindsArticlesOnly': 'Scenario, type and tag filters apply to articles only.',
    'search.showingFor': 'Showing results for',
    'search.insteadFor': 'Search instead for {query}',
  },
  {
    'search.kind.kb': '知识文章',
    'search.kind.note': '现场笔记',
    'search.kind.lesson': '经验教训',
    'search.kindFilter': '显示',
    'search.kindAll': '全部',
    'search.kinds.kb': '知识文章',
    'search.kinds.note': '现场笔记',
    'search.kinds.lesson': '经验教训',
    'search.engagement': '项目：{title}',
    'search.noEngagement': '未关联项目',
    'search.kindsArticlesOnly': '场景、类型和标签筛选只适用于知识文章。',
    'search.showingFor': '以下是以下内容的结果：',
    'search.insteadFor': '仍然搜索 {query}',
  },
);
