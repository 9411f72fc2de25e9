import { defineApiMessages } from './define';

/** What the transports (Electron IPC, the browser host's HTTP) say when a call cannot reach the backend. */
export const transportMessages = defineApiMessages({
  'error.backendStopped': { en: 'The backend stopped while handling this call. Try again.', zh: '后台在处理此操作时停止了，请重试。' },
  'error.shuttingDown': { en: 'Fieldbench is shutting down.', zh: 'Fieldbench 正在关闭。' },
  'error.backendNotRunning': { en: 'The backend is not running.', zh: '后台没有运行。' },
  'error.untrustedSender': { en: 'Calls are accepted only from the Fieldbench window.', zh: '只接受来自 Fieldbench 窗口的调用。' },
  'error.backendRestarted': { en: 'The backend restarted while handling this call. Try again.', zh: '后台在处理此操作时重新启动了，请重试。' },
  'error.noPortOffered': { en: 'Main offered no connection to the backend.', zh: '主进程没有提供到后台的连接。' },
  'error.notInitialised': { en: 'The backend has not been initialised.', zh: '后台尚未初始化。' },
  'error.resultNotSendable': { en: '{call} failed unexpectedly: its result cannot be sent ({detail})', zh: '{call} 意外失败：结果无法发送（{detail}）' },
  'error.argsNotSendable': { en: 'The arguments of {call} cannot be sent: {detail}', zh: '{call} 的参数无法发送：{detail}' },
  'error.answerUnreadable': { en: "The Fieldbench host's answer to {call} could not be read: {detail}", zh: '无法读取 Fieldbench 服务对 {call} 的回答：{detail}' },
  'error.cannotOpenData': { en: 'Fieldbench could not open its data: {reason}', zh: 'Fieldbench 无法打开数据：{reason}' },
  'error.dataFromNewerVersion': {
    en: 'This data file was written by a newer version of Fieldbench (schema {id} "{name}"; this version knows up to {known}). Update Fieldbench to open it; the file was not changed.',
    zh: '此数据文件由更新版本的 Fieldbench 写入（架构 {id}“{name}”；本版本最多认识到 {known}）。请升级 Fieldbench 后再打开；文件未被改动。',
  },
  'error.schemaHistoryDiffers': {
    en: "This data file's schema history differs from this version's at step {step} (file has {found}, expected {expected}). The file was not changed.",
    zh: '此数据文件的架构历史在第 {step} 步与本版本不同（文件中是 {found}，应为 {expected}）。文件未被改动。',
  },
  'error.unexpected': { en: 'Something went wrong: {detail}', zh: '出现意外错误：{detail}' },
  // The browser says only "Failed to fetch": nothing a person can act on, so it is not repeated.
  'error.hostUnreachable': { en: 'The Fieldbench host cannot be reached; it may have been stopped, or this computer is offline.', zh: '无法连接 Fieldbench 服务；服务可能已停止，或此电脑已离线。' },
  'error.noAccessKey': {
    en: 'This browser has no access key for Fieldbench. Open it once with the full link that "npm run web" printed (it ends with #k=…); after that every tab of this browser works until the host restarts.',
    zh: '此浏览器没有 Fieldbench 的访问密钥。请先用“npm run web”输出的完整链接（以 #k=… 结尾）打开一次；之后在主机重启前，此浏览器的所有标签页都可直接使用。',
  },
  'error.hostRefused': { en: 'The Fieldbench host refused the call (HTTP {status}): {detail}', zh: 'Fieldbench 服务拒绝了此调用（HTTP {status}）：{detail}' },
});
