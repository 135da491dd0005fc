import path from 'node:path';
import type { NextConfig } from 'next';

const apiUrl = process.env.CASELINK_API_URL ?? 'http://127.0.0.1:4000';

const config: NextConfig = {
  // The monorepo root holds node_modules and libs/domain.
  turbopack: {
    root: path.join(__dirname, '../..'),
    // What next-intl's plugin would add. Set by hand because the plugin checks the path against the working
    // directory, while Turbopack resolves it against this project: `next build apps/portal` from the root
    // cannot satisfy both.
    resolveAlias: { 'next-intl/config': './src/i18n/request.ts' },
  },
  webpack(webpackConfig: { resolve: { alias: Record<string, string> } }) {
    webpackConfig.resolve.alias['next-intl/config'] = path.join(__dirname, 'src/i18n/request.ts');
    return webpackConfig;
  },
  poweredByHeader: false,
  // Tests and scripts use 127.0.0.1; without this `next dev` refuses its dev resources to that origin.
  allowedDevOrigins: ['127.0.0.1'],
  // Same-origin /graphql so the httpOnly refresh cookie (path /graphql) travels with browser requests.
  async rewrites() {
    return [{ source: '/graphql', destination: `${apiUrl}/graphql` }];
  },
};

export default config;
