import 'reflect-metadata';
import { createApi } from './bootstrap';
import { loadApiConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApi(config);
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  console.log(`CaseLink api listening on http://${config.API_HOST}:${config.API_PORT}/graphql`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
