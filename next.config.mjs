import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // No "X-Powered-By: Next.js": it tells a prober which exploits to try and helps nobody.
  poweredByHeader: false,
  // pdf.js (through unpdf) reads uploaded plan PDFs on the server: loaded from node_modules as
  // published rather than re-bundled, as its own dynamic imports expect.
  serverExternalPackages: ['unpdf'],
  experimental: {
    // Payload's error classes are matched by name (loggingLevels, error handling); a minified
    // server bundle renames them, and server stack traces stay readable.
    serverMinification: false,
  },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      {
        // Served uploads (local disk or S3): the site-wide CSP above would replace the sandboxing
        // CSP Payload's file handler sets (src/security/hardeningPlugin.ts UPLOAD_RESPONSE_HEADERS;
        // keep the two equal), so a served file could run script as a page of this origin.
        source: '/api/:collection/file/:filename*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value:
              "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'",
          },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
