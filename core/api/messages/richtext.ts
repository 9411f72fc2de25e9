import { defineApiMessages } from './define';

/** What the rich-text check says about a body (notes, lessons, proposal sections, templates). */
export const richTextMessages = defineApiMessages({
  'docKind.note': { en: 'note', zh: '笔记' },
  'docKind.proposalSection': { en: 'proposal section', zh: '方案章节' },
  'docKind.articleText': { en: 'article text', zh: '文章正文' },
  'rich.tooLarge': {
    en: 'This {what} is {size} MB; it can be at most {max} MB. Move large content into attachments.',
    zh: '这份{what}有 {size} MB，最多 {max} MB。请把大的内容放到附件中。',
  },
  'rich.notJson': { en: 'is not valid JSON ({detail})', zh: '不是有效的 JSON（{detail}）' },
  'rich.notEditorState': { en: 'is not a Lexical editor state (a root node with children)', zh: '不是 Lexical 编辑器内容（带子节点的根节点）' },
  'rich.tooManyNodes': { en: 'the document has more than {max} nodes', zh: '文档的节点超过 {max} 个' },
  'rich.notANode': { en: 'is not a node (an object with a type)', zh: '不是节点（带 type 的对象）' },
  'rich.typeNotAllowed': { en: 'has the node type "{type}", which a {what} does not allow', zh: '含有{what}不允许的节点类型“{type}”' },
  'rich.nestedRoot': { en: 'is a root node inside the document', zh: '是文档内部的根节点' },
  'rich.tooDeep': { en: 'is nested deeper than {max} levels', zh: '嵌套超过 {max} 层' },
  'rich.tableTooLong': {
    en: 'Tables can have at most {max} rows; this one has {rows}. Split it or attach the data as a file.',
    zh: '表格最多 {max} 行，这个表格有 {rows} 行。请拆分表格，或把数据作为文件附上。',
  },
  'rich.textWithoutText': { en: 'is a text node without text', zh: '是没有文字的文本节点' },
  'rich.styleRefused': {
    en: 'has a text style ({property}) that documents may not carry — only colour, background colour, bold, italic, underline or strike-through and a font size between small and large; the style was left out',
    zh: '带有文档不允许的文字样式（{property}）——只允许颜色、背景色、粗体、斜体、下划线或删除线以及适中范围内的字号；该样式已被去掉',
  },
  'rich.imageWithoutSha': { en: 'is an image that does not name an attachment by its sha256', zh: '是未以 sha256 指向附件的图片' },
  'rich.imageUrl': { en: 'images show attachments only, never a URL; the URL was left out', zh: '图片只能显示附件，不能使用网址；网址已被去掉' },
  'rich.linkRemoved': {
    en: 'links to "{url}"; links may go only to https:, mailto: or kb:<article-id>, so the link was removed and its text kept',
    zh: '链接到“{url}”；链接只能指向 https:、mailto: 或 kb:<文章编号>，因此去掉了链接，保留了文字',
  },
  'rich.childrenNotList': { en: 'is not a list of nodes', zh: '不是节点列表' },
  'rich.variableWithoutName': {
    en: 'is a variable whose name is missing or not allowed: 1 to 100 letters, digits, “_”, “.” or “-”, starting with a letter, digit or “_”',
    zh: '是名称缺失或不被允许的变量：名称须为 1 到 100 个字母、数字、“_”、“.”或“-”，并以字母、数字或“_”开头',
  },
  'rich.stateNotObject': { en: 'node state is not an object; it was left out', zh: '节点状态不是对象，已被去掉' },
  'rich.stateNotKept': { en: 'node state "{key}" is not one proposals keep; it was left out', zh: '方案不保留节点状态“{key}”，已被去掉' },
  'provenance.notList': { en: 'provenance is not a list', zh: '来源不是列表' },
  'provenance.tooMany': { en: 'provenance has more than {max} entries; the rest were left out', zh: '来源超过 {max} 条，其余已被去掉' },
  'provenance.notObject': { en: 'provenance entry {entry} is not an object', zh: '第 {entry} 条来源不是对象' },
  'provenance.badKind': { en: 'provenance entry {entry} has the kind "{kind}"; allowed: {kinds}', zh: '第 {entry} 条来源的类型是“{kind}”；可用：{kinds}' },
  'provenance.badRef': { en: 'provenance entry {entry} needs a reference of 1 to {max} characters', zh: '第 {entry} 条来源需要 1 到 {max} 个字符的引用' },
  'error.bodyRefused': { en: 'The {what} was refused; nothing was saved: {field} {problem}.', zh: '{what}未被接受，什么也没有保存：{field} {problem}。' },
  'error.bodyRefusedMore': { en: 'The {what} was refused; nothing was saved: {field} {problem} (and {more} more).', zh: '{what}未被接受，什么也没有保存：{field} {problem}（另有 {more} 处问题）。' },
});
