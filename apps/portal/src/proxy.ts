import { NextRequest, NextResponse } from 'next/server';

/**
 * Security headers for every page, with a Content-Security-Policy whose script nonce is new for each request.
 * Next reads the nonce back from the request's CSP header while rendering and puts it on its own scripts;
 * 'strict-dynamic' lets those load the page's chunks. Pages must render per request for this (they do: the
 * root layout reads the locale cookie), or their scripts would carry no nonce and be blocked.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, request);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  // Browsers drop HSTS from plain-HTTP answers; `next dev` on a laptop must not pin localhost to HTTPS.
  if (process.env.NODE_ENV === 'production') response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return response;
}

function contentSecurityPolicy(nonce: string, request: NextRequest): string {
  // React needs eval in development only (rebuilding server error stacks in the browser).
  const devEval = process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    // Inline style attributes (React style props, recharts) are not scripts; a nonce here would disable them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${liveOrigins(request).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    // SSO starts with a link to the identity provider, not a form: forms post to the portal only.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Where lib/live.ts opens its graphql-ws socket: the build-time override, else this host (wss, or ws over http). */
function liveOrigins(request: NextRequest): string[] {
  const configured = process.env.NEXT_PUBLIC_CASELINK_WS_URL;
  if (configured) return [new URL(configured).origin.replace(/^http/, 'ws')];
  const host = request.headers.get('host') ?? request.nextUrl.host;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return https ? [`wss://${host}`] : [`ws://${host}`, `wss://${host}`];
}

export const config = {
  matcher: [
    {
      // Not Next's static files and icons, and not what is passed on to the api (it sends its own headers).
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|graphql|api/).*)',
      // Prefetches are not rendered as pages.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
