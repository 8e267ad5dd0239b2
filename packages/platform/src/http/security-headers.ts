import type { MiddlewareHandler } from "hono";

/**
 * Headers on every response. Pages load nothing but the platform's own stylesheet (no script at
 * all), cannot be framed, and nothing is cached: dashboards, API answers and the key exchange
 * (which returns a private key) carry `Cache-Control: no-store`. Only `/assets/` is cacheable.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Frame-Options", "DENY");
    h.set("X-Content-Type-Options", "nosniff");
    // Not no-referrer: with it, browsers send `Origin: null` on the platform's own form posts.
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (c.req.path.startsWith("/assets/")) h.set("Cache-Control", "public, max-age=3600");
    else {
      h.set("Cache-Control", "no-store");
      h.set("Pragma", "no-cache");
    }
  };
}
