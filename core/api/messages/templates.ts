import { defineApiMessages } from './define';

/** POC templates: the checks before saving, and Word import. */
export const templateMessages = defineApiMessages({
  'rule.varNeedsId': { en: '"var" needs a question id (a string)', zh: '“var” 需要一个问题编号（字符串）' },
  'rule.varOperands': { en: '"var" takes a question id and at most one default, not {count} operands', zh: '“var” 只接受一个问题编号和至多一个默认值，而不是 {count} 个操作数' },
  'rule.arity': { en: '"{op}" takes {expected} operands, not {count}', zh: '“{op}” 需要 {expected} 个操作数，而不是 {count} 个' },
  'rule.needsOperand': { en: '"{op}" needs at least one operand', zh: '“{op}” 至少需要一个操作数' },
  'rule.notNumberQuestion': { en: '"{op}" compares numbers, but question "{question}" is not answered with a number', zh: '“{op}”用于比较数字，但问题“{question}”的答案不是数字' },
  'rule.valueNotNumber': { en: 'question "{question}" is answered with a number, so comparing it with {value} never holds', zh: '问题“{question}”的答案是数字，与 {value} 比较永远不会成立' },
  'rule.valueNotYesNo': { en: 'question "{question}" is answered yes or no (true or false), not {value}', zh: '问题“{question}”的答案是“是”或“否”（true 或 false），而不是 {value}' },
  'rule.valueNotChoice': { en: '{value} is not a choice of "{question}" (its choices: {choices})', zh: '{value} 不是“{question}”的选项（可选：{choices}）' },
  'rule.valueNotText': { en: 'question "{question}" is answered with text, so comparing it with {value} never holds', zh: '问题“{question}”的答案是文字，与 {value} 比较永远不会成立' },
  'rule.multipleNeedsIn': {
    en: 'question "{question}" takes several choices, so "{op}" with {value} never holds; use "in" to test for one choice',
    zh: '问题“{question}”可多选，“{op}”与 {value} 比较永远不会成立；请用 "in" 判断是否选了某一项',
  },

  'template.idTwice': { en: 'Section {section}: the id "{id}" is used by another section', zh: '章节 {section}：编号“{id}”已被另一章节使用' },
  'template.ruleBroken': { en: 'Section {section}: the rule is broken: {problem}', zh: '章节 {section}：规则有误：{problem}' },
  'template.ruleUnknownQuestion': {
    en: 'Section {section}: the rule refers to question "{question}", which is not in the assessments of {scenarios}',
    zh: '章节 {section}：规则引用的问题“{question}”不在 {scenarios} 的评估中',
  },
  'template.unknownArticle': { en: 'Section {section}: no knowledge-base article "{article}" on this device', zh: '章节 {section}：此设备上没有知识库文章“{article}”' },
  'template.unknownVariable': { en: 'Section {section}: unknown variable {{{name}}}', zh: '章节 {section}：未知变量 {{{name}}}' },
  'template.unknownVariableSuggest': {
    en: 'Section {section}: unknown variable {{{name}}} — did you mean {suggestion}?',
    zh: '章节 {section}：未知变量 {{{name}}}——是否想用 {suggestion}？',
  },
  'template.itemOutsideRepeat': { en: 'Section {section}: {{{name}}} can only be used in a section that repeats', zh: '章节 {section}：{{{name}}} 只能用在重复的章节中' },
  'template.unknownQuestionVariable': {
    en: 'Section {section}: {{{name}}} names "{question}", which is not a question in the assessments of {scenarios}',
    zh: '章节 {section}：{{{name}}} 引用的“{question}”不是 {scenarios} 评估中的问题',
  },
  'template.unknownQuestionVariableSuggest': {
    en: 'Section {section}: {{{name}}} names "{question}", which is not a question in the assessments of {scenarios} — did you mean {suggestion}?',
    zh: '章节 {section}：{{{name}}} 引用的“{question}”不是 {scenarios} 评估中的问题——是否想用 {suggestion}？',
  },
  'template.unknownDimension': {
    en: 'Section {section}: {{{name}}} names "{dimension}", which is not a dimension in the assessments of {scenarios}',
    zh: '章节 {section}：{{{name}}} 引用的“{dimension}”不是 {scenarios} 评估中的维度',
  },
  'template.pricing': { en: 'Pricing: {problem}', zh: '报价：{problem}' },
  'template.phaseTooLong': { en: 'Phase {phase}: {weeks} weeks is more than 52', zh: '阶段 {phase}：{weeks} 周超过了 52 周' },

  'error.notWord': {
    en: '“{name}” is not a Word document ({why}); save it from Word or LibreOffice as .docx and import it again. Nothing was imported.',
    zh: '“{name}”不是 Word 文档（{why}）；请用 Word 或 LibreOffice 另存为 .docx 后再导入。什么也没有导入。',
  },
  'docx.notZip': { en: 'it is not a zip package', zh: '它不是 zip 包' },
  'docx.noDocumentXml': { en: 'it has no word/document.xml', zh: '缺少 word/document.xml' },
  'docx.unreadable': { en: 'it could not be read: {detail}', zh: '无法读取：{detail}' },
  'error.docxNoText': { en: '“{name}” has no text to make a template from; nothing was imported.', zh: '“{name}”中没有可用于生成模板的文字，什么也没有导入。' },
  'import.notVariable': {
    en: '{text} is not a variable templates may use; it was kept as the text «{raw}»',
    zh: '{text} 不是模板可用的变量；已按文字«{raw}»保留',
  },
  'import.notVariableSuggest': {
    en: '{text} is not a variable templates may use; it was kept as the text «{raw}» — did you mean {{{guess}}}?',
    zh: '{text} 不是模板可用的变量；已按文字«{raw}»保留——是否想用 {{{guess}}}？',
  },
  'import.imageLeftOut': { en: 'an image was left out; templates hold text only — add pictures to the proposal after generating it', zh: '图片已被去掉；模板只保存文字——请在生成方案后再添加图片' },
  'import.imageLeftOutNamed': {
    en: 'an image (“{alt}”) was left out; templates hold text only — add pictures to the proposal after generating it',
    zh: '图片（“{alt}”）已被去掉；模板只保存文字——请在生成方案后再添加图片',
  },
  'import.headersDropped': { en: 'the page headers and footers were not imported; exported proposals write their own (page numbers, your organisation)', zh: '页眉和页脚未导入；导出的建议书会写入自己的页眉页脚（页码、本单位名称）' },
  'import.headerPictureDropped': { en: 'a picture in the page header (a logo?) was left out', zh: '页眉中的图片（标志？）已被去掉' },
  'import.pageBreaksDropped': { en: 'page breaks were not kept; each section of a proposal follows the one before', zh: '分页符未保留；建议书各章节依次排列' },
  'import.headingNumbersDropped': { en: 'the heading numbers were not kept; sections are numbered by their order in the proposal', zh: '标题编号未保留；章节按在建议书中的顺序排列' },
  'import.mergedCellsSplit': {
    en: 'a table had merged cells: each merged cell’s text is in its first column, and the places it covered are empty so the other cells keep their columns',
    zh: '表格中有合并单元格：合并单元格的文字放在其第一列，原先覆盖的位置留空，其他单元格保持在原来的列',
  },
  'import.footnotesAsList': { en: 'the footnotes ({count}) were kept as a numbered list at the end of the last section', zh: '{count} 条脚注已作为编号列表保留在最后一节末尾' },
  'import.linkRemoved': { en: 'the link to “{url}” was removed (only http(s) and mailto links are kept); its text stays', zh: '指向“{url}”的链接已被去掉（只保留 http(s) 和 mailto 链接）；文字保留' },
  'import.oneLanguage': {
    en: 'The document is in {lang}; the {other} text is a copy of it — translate it in the template editor',
    zh: '文档是{lang}的；{other}文本是它的副本——请在模板编辑器中翻译',
  },
  'import.pricingAdded': {
    en: 'Pricing is not read from the document: one line “{item}” at 0.00 was added; set the lines and prices in the template editor',
    zh: '不会从文档中读取报价：已添加一行“{item}”，单价 0.00；请在模板编辑器中设置报价行和价格',
  },
  'import.timelineAdded': {
    en: 'The timeline is not read from the document: one 4-week phase “{phase}” was added; set the phases in the template editor',
    zh: '不会从文档中读取时间计划：已添加一个 4 周的阶段“{phase}”；请在模板编辑器中设置阶段',
  },
  'langName.en': { en: 'English', zh: '英文' },
  'langName.zh': { en: 'Chinese', zh: '中文' },
  'error.templateRefused': { en: 'The template was not saved: {problem}.', zh: '模板未保存：{problem}。' },
  'error.templateRefusedMore': { en: 'The template was not saved: {problem} (and {more} more).', zh: '模板未保存：{problem}（另有 {more} 处问题）。' },
  'issue.noSuchTemplateVersion': { en: 'names POC template "{id}" version {version}, which is not on this device', zh: '指定的 POC 模板“{id}”第 {version} 版不在此设备上' },
  'error.templateHasNewer': {
    en: 'Template "{id}" has a newer version {newest} than the version {edited} you edited; open the newest and apply your change again. Nothing was saved.',
    zh: '模板“{id}”已有比你编辑的第 {edited} 版更新的第 {newest} 版；请打开最新版本再次修改。什么也没有保存。',
  },
  'error.docxTooLarge': {
    en: '“{name}” is larger than {max} MB; split the document or remove large pictures. Nothing was imported.',
    zh: '“{name}”大于 {max} MB；请拆分文档或删除大图片。什么也没有导入。',
  },
  'error.noScenariosYet': {
    en: 'There are no scenarios on this device yet (the content pack is not imported); nothing was imported.',
    zh: '此设备上还没有场景（内容包尚未导入），什么也没有导入。',
  },
  'error.importMakesBadTemplate': { en: '“{name}” makes a template that cannot be stored: {field} {problem}. Nothing was imported.', zh: '“{name}”生成的模板无法保存：{field} {problem}。什么也没有导入。' },
  'error.importTooBig': { en: '“{name}” makes a template that is too large: {field} {problem}. Split the document. Nothing was imported.', zh: '“{name}”生成的模板太大：{field} {problem}。请拆分文档。什么也没有导入。' },
});
