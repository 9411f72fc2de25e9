import net from 'node:net';

/**
 * A TCP relay on 127.0.0.1 that holds every piece of data for half a round trip in each
 * direction, in order: a device on hotel Wi-Fi or a VPN, for the sync bench. Bandwidth is not
 * limited; only latency is added.
 */
export async function latencyProxy(targetUrl: string, roundTripMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(targetUrl);
  const oneWay = roundTripMs / 2;
  const sockets = new Set<net.Socket>();
  // Timers of one duration fire in the order they were set, so each direction keeps its order.
  const relay = (from: net.Socket, to: net.Socket): void => {
    from.on('data', (chunk: Buffer) => setTimeout(() => to.destroyed || to.write(chunk), oneWay));
    from.on('end', () => setTimeout(() => to.end(), oneWay));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${target.protocol}//127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
