import path from 'node:path';
import type { NextConfig } from 'next';

const apiUrl = process.env.CASELINK_API_URL ?? 'http://127.0.0.1:4000';
/**
 * The largest file the portal sends on (the browser refuses bigger ones before uploading). Above the api's
 * MAX_ATTACHMENT_BYTES (25 MiB) and MAX_IMPORT_BYTES (20 MiB), so a file over those limits still reaches the api
 * and comes back with its 413 naming the limit.
 */
const maxUploadBytes = Number(process.env.CASELINK_MAX_UPLOAD_BYTES ?? 32 * 1024 * 1024);

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
  // `npm run cluster` builds a second portal into its own folder, pointed at the cluster's entry point (rewrites are
  // fixed at build time), so it never overwrites the one `npm start` serves.
  distDir: process.env.CASELINK_PORTAL_DIST_DIR ?? '.next',
  poweredByHeader: false,
  env: { CASELINK_MAX_UPLOAD_BYTES: String(maxUploadBytes) },
  // Rewrites pass at most this much of a request body on (Next's default is 10 MB); a longer body is cut, the
  // api waits for the rest, the proxy times out with a 500, and the next proxied request can fail the same
  // way. Hence the margin for multipart framing over maxUploadBytes, and the check in the browser.
  experimental: { proxyClientMaxBodySize: maxUploadBytes + 1024 * 1024 },
  // Tests and scripts use 127.0.0.1; without this `next dev` refuses its dev resources to that origin.
  allowedDevOrigins: ['127.0.0.1'],
  // Same-origin /graphql so the httpOnly refresh cookie (path /graphql) travels with browser requests. The rewrite
  // also carries graphql-ws upgrades (subscriptions, lib/live.ts): Next proxies an upgrade whose rewrite points
  // to another origin, in `next dev` and `next start` alike.
  // The api's REST routes (evidence files, spreadsheet imports) go under /api: /cases/:id is a portal page.
  // The body streams on to the api as it arrives (Next keeps a copy in memory while proxying, up to the limit
  // above); the api enforces its own size limits.
  async rewrites() {
    return [
      { source: '/graphql', destination: `${apiUrl}/graphql` },
      // Single sign-on: the browser starts here and the provider returns here, so the refresh cookie the callback sets
      // lands on the portal's origin.
      { source: '/api/auth/sso/:agencyId/start', destination: `${apiUrl}/auth/sso/:agencyId/start` },
      { source: '/api/auth/sso/callback', destination: `${apiUrl}/auth/sso/callback` },
      { source: '/api/cases/:caseId/attachments', destination: `${apiUrl}/cases/:caseId/attachments` },
      { source: '/api/cases/:caseId/imports', destination: `${apiUrl}/cases/:caseId/imports` },
      // A case as a STIX 2.1 bundle or MISP event (?format=stix|misp passes on as it is).
      { source: '/api/cases/:caseId/export', destination: `${apiUrl}/cases/:caseId/export` },
      { source: '/api/attachments/:id', destination: `${apiUrl}/attachments/:id` },
      // Files attached to a cooperation request, for both agencies of the request.
      { source: '/api/requests/:requestId/attachments/:attachmentId', destination: `${apiUrl}/requests/:requestId/attachments/:attachmentId` },
      { source: '/api/requests/:id/attachments/:attachmentId', destination: `${apiUrl}/requests/:id/attachments/:attachmentId` },
      { source: '/api/imports/template.csv', destination: `${apiUrl}/imports/template.csv` },
      // Outcome analytics tables as CSV (the query string, filter and table, passes on as it is).
      { source: '/api/analytics/outcomes.csv', destination: `${apiUrl}/analytics/outcomes.csv` },
      // Risk signals by CSV from banks and telecoms (progress is read through GraphQL).
      { source: '/api/risk-signals/uploads', destination: `${apiUrl}/risk-signals/uploads` },
      // The agency's signed audit chain heads as a tar bundle, for its auditors and admins.
      { source: '/api/audit/anchors', destination: `${apiUrl}/audit/anchors` },
    ];
  },
};

export default config;
