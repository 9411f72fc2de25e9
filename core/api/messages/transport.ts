import { defineApiMessages } from './define';

/** What the transports (Electron IPC, the browser host's HTTP) say when a call cannot reach the backend. */
export const transportMessages = defineApiMessages({
  'error.backendStopped': { en: 'The backend stopped while handling this call. Try again.', zh: '后台在处理此操作时停止了，请重试。' },
  'error.shuttingDown': { en: 'Fieldbench is shutting down.', zh: 'Fieldbench 正在关闭。' },
  'error.backendNotRunning': { en: 'The backend is not running.', zh: '后台没有运行。' },
  'error.untrustedSender': { en: 'Calls are accepted only from the Fieldbench window.', zh: '只接受来自 Fieldbench 窗口的调用。' },
  'error.hostUnreachable': { en: 'Cannot reach the Fieldbench host: {detail}', zh: '无法连接 Fieldbench 服务：{detail}' },
  'error.noAccessKey': {
    en: 'This page has no access key. Open Fieldbench with the full link that "npm run web" printed (it ends with #k=…).',
    zh: '此页面没有访问密钥。请使用“npm run web”输出的完整链接打开 Fieldbench（链接以 #k=… 结尾）。',
  },
  'error.hostRefused': { en: 'The Fieldbench host refused the call (HTTP {status}): {detail}', zh: 'Fieldbench 服务拒绝了此调用（HTTP {status}）：{detail}' },
});
