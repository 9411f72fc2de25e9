import type { Host } from './fixtures';

/** Calls a browser host's API directly with the page's secret, as the renderer would. */
export async function api<T>(host: Host, method: string, args: unknown): Promise<T> {
  const url = new URL(host.appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const res = await fetch(new URL('/api/call', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldbench-secret': secret },
    body: JSON.stringify({ method, args }),
  });
  const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A new customer and an intelligent-customer-service engagement, named uniquely. */
export async function newEngagement(host: Host): Promise<{ id: string; title: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customer = await api<{ id: string }>(host, 'customers.create', { name: `Harbour Telecom ${stamp}`, kind: 'enterprise' });
  const title = `Contact centre ${stamp}`;
  const engagement = await api<{ id: string }>(host, 'engagements.create', { customerId: customer.id, title, scenarios: ['intelligent-customer-service'] });
  return { id: engagement.id, title };
}

/** A tiny valid PNG (1×1), as a phone photo would arrive. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
