import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import type { ApiContext } from '../api/context';

export interface ApiServerOptions extends Omit<ApiContext, 'temporal'> {
  address: string;
  namespace: string;
  port: number;
}

export interface RunningApi {
  server: Server;
  port: number;
  context: ApiContext;
  stop(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApi> {
  const { address, namespace, port, ...rest } = options;
  const connection = await Connection.connect({ address });
  const context: ApiContext = { ...rest, temporal: new Client({ connection, namespace }) };
  const server = createApp(context).listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const bound = server.address();
  return {
    server,
    port: typeof bound === 'object' && bound ? bound.port : port,
    context,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
