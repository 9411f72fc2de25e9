/** https or http, a host name or address (IPv6 in brackets), an optional port and path; nothing else. */
export const SERVER_URL = /^https?:\/\/([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;

/**
 * Plain http only to this computer itself (a repository tried out locally, or a local TLS proxy):
 * anywhere else the password, the device key and the customer's data would cross the network
 * readable by anyone on it, hotel Wi-Fi included. Checked when a device enrols and before each
 * sync (an enrolment an earlier version allowed over http is not used that way any more).
 */
export function encryptedOrLocal(url: string): boolean {
  if (!url.toLowerCase().startsWith('http://')) return true;
  const host = (SERVER_URL.exec(url)?.[1] ?? '').toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
