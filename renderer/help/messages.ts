import { defineMessages } from '../i18n/define';

/** The first-run welcome and the Help page. */
export const helpMessages = defineMessages(
  {
    'help.title': 'Help',
    'help.open': 'Help',
    'help.welcomeTitle': 'Welcome to Fieldbench',
    'help.intro': 'Everything here works on this device, also without a network. Where to start depends on your work:',
    'help.role.consultant': 'Consultant at a customer site',
    'help.role.consultant.start': 'Open or create the engagement, start its assessment and answer question by question: notes and photos go with each answer, and the customer signs off at the end. What you learn on site becomes a lesson you submit for review.',
    'help.role.presales': 'Pre-sales',
    'help.role.presales.start': 'Make a proposal from an assessed engagement: the template the assessment recommends is preselected, prices add up as you type, and exports are ready for the customer.',
    'help.role.manager': 'Knowledge manager',
    'help.role.manager.start': 'Review the lessons and field notes consultants submit: publish them as an article, merge several into one, or add them to an article published earlier, and take out of the text what should not reach every device. An article published from review can be edited later from its page. A POC template version goes to every device from its page.',
    'help.templates': 'POC templates',
    'help.dismiss': 'Got it',
    'help.later': 'You can find this again under Help, at the top right.',
    'help.sync':
      'Working with others: connect this device once under Sync, with the account your administrator gave you. What you submit goes to the central repository and published knowledge comes back whenever the server can be reached; nothing you do waits for the network.',
    'help.syncLink': 'Open Sync',
  },
  {
    'help.title': '帮助',
    'help.open': '帮助',
    'help.welcomeTitle': '欢迎使用 Fieldbench',
    'help.intro': '这里的一切都在本设备上运行，没有网络也能使用。从哪里开始取决于你的工作：',
    'help.role.consultant': '驻场顾问',
    'help.role.consultant.start': '打开或新建项目，开始评估并逐题作答：备注和照片随答案保存，最后由客户签字确认。现场的收获可提炼成经验，提交审核。',
    'help.role.presales': '售前',
    'help.role.presales.start': '从已评估的项目生成建议书：自动选中评估推荐的模板，报价随输入实时合计，导出即可交给客户。',
    'help.role.manager': '知识管理员',
    'help.role.manager.start': '审阅顾问提交的经验和现场笔记：发布为文章、将多项合并为一篇，或加入先前发布的文章，并从正文中删去不应送达所有设备的内容。经审核发布的文章之后也可在其页面上编辑。POC 模板的某个版本可在其页面上发布到所有设备。',
    'help.templates': 'POC 模板',
    'help.dismiss': '知道了',
    'help.later': '之后可在右上角的“帮助”中再次查看。',
    'help.sync': '与他人协作：在“同步”中用管理员给你的账号连接本设备一次即可。只要能连上服务器，你提交的内容就会送到中央知识库，已发布的知识也会同步回来；你的工作从不需要等待网络。',
    'help.syncLink': '打开同步',
  },
);
