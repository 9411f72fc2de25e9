import { defineMessages } from '../../i18n/define';

/** The proposal's print page (PDF): its toolbar and states. The document itself speaks the proposal's language (core/proposals/export-tables.ts). */
export const proposalPrintMessages = defineMessages(
  {
    'proposalPrint.pageTitle': 'Proposal',
    'proposalPrint.toolbar': 'Print actions',
    'proposalPrint.back': 'Back to the proposal',
    'proposalPrint.print': 'Print / Save as PDF',
    'proposalPrint.hint': 'Choose “Save as PDF” as the printer to keep a PDF file.',
    'proposalPrint.loadFailed': 'The proposal could not be prepared for printing: {message}',
    'proposalPrint.pricingProblem': 'The pricing cannot be totalled: {message}',
  },
  {
    'proposalPrint.pageTitle': '方案',
    'proposalPrint.toolbar': '打印操作',
    'proposalPrint.back': '返回方案',
    'proposalPrint.print': '打印 / 另存为 PDF',
    'proposalPrint.hint': '在打印机中选择“另存为 PDF”即可保存 PDF 文件。',
    'proposalPrint.loadFailed': '无法准备打印该方案：{message}',
    'proposalPrint.pricingProblem': '报价无法汇总：{message}',
  },
);
