import { defineApiMessages } from './define';

export const engagementMessages = defineApiMessages({
  'issue.noScenario': { en: 'must name at least one scenario', zh: '至少选择一个场景' },
  'issue.endBeforeStart': { en: 'must be on or after the start date', zh: '不能早于开始日期' },
  'issue.notTimeZone': { en: 'must be a time zone such as Asia/Shanghai', zh: '须为时区名称，例如 Asia/Shanghai' },
  'issue.startAfterEnd': { en: 'must be on or before the end date', zh: '不能晚于结束日期' },
  'issue.notOwnContact': { en: 'is not a contact of this customer', zh: '不是该客户的联系人' },
  'issue.badEmail': { en: 'must look like name@example.com', zh: '应形如 name@example.com' },
  'issue.unknownCustomer': { en: 'names a customer that does not exist', zh: '指定的客户不存在' },
  'error.customerHasEngagements': {
    en: 'This customer still has {count} engagement(s); delete or keep them before deleting the customer.',
    zh: '该客户还有 {count} 个项目；请先删除或保留这些项目，再删除客户。',
  },
});
