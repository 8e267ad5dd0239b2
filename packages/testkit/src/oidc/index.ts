import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider for tests (panva's `oidc-provider`, the certified
 * implementation), on loopback. Its only stand-in part is the login screen: whoever the test names
 * in `signInAs` is signed in, and a first-party grant is given without a consent screen. Groups are
 * served from userinfo (the provider keeps scope claims out of the ID token), as many providers do.
 */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Show a login page the person submits (a browser test): the way back to the platform then starts
   * on the provider's site, a cross-site navigation. Otherwise the login is immediate.
   */
  loginPage: boolean;
  /** Serve a JWKS of another key than the signing one (a token whose signature must not verify). */
  foreignJwks: boolean;
  /** Who the next login is; users and their claims are in `users`. */
  signInAs: string;
  users: Record<string, { email: string; groups: string[] }>;
  /** Registers the platform's callback; call once the platform listens. */
  allowRedirect(uri: string): void;
  stop(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end("no client registered yet");
      return;
    }
    if (req.url?.startsWith("/interaction/")) {
      const p = provider;
      void (async () => {
        const details = await p.interactionDetails(req, res);
        if (details.prompt.name !== "login") throw new Error(`unexpected prompt ${details.prompt.name}`);
        if (idp.loginPage && req.method === "GET") {
          // As a real provider: a page on its own site that the person submits.
          res.setHeader("content-type", "text/html");
          res.end(
            `<!doctype html><title>Example SSO</title><form method="post" action="/interaction/${details.uid}"><button type="submit">Sign in as ${idp.signInAs}</button></form>`,
          );
          return;
        }
        await p.interactionFinished(
          req,
          res,
          { login: { accountId: idp.signInAs } },
          { mergeWithLastSubmission: false },
        );
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    if (idp.foreignJwks && req.url === "/jwks") {
      // Another key than the one the provider signs with: a token it signed must not verify.
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [{ ...foreignKey, kid: signingKey.kid, use: "sig", alg: "RS256" }] }));
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const foreignKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });

  const idp: TestIdp = {
    issuer,
    clientId: "vigil-dashboard",
    clientSecret: "a-client-secret-only-the-platform-knows",
    signInAs: "alice",
    loginPage: false,
    foreignJwks: false,
    users: {},
    allowRedirect(uri) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: idp.clientId,
            client_secret: idp.clientSecret,
            redirect_uris: [uri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        jwks: { keys: [signingKey] },
        cookies: { keys: ["test-idp-cookie-key"] },
        scopes: ["openid", "email", "profile", "groups"],
        claims: { openid: ["sub"], email: ["email", "email_verified"], groups: ["groups"] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        pkce: { required: () => true },
        ttl: {
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
        },
        async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
          const user = idp.users[sub];
          if (!user) return undefined;
          return {
            accountId: sub,
            claims: async () => ({ sub, email: user.email, email_verified: true, groups: user.groups }),
          };
        },
        // First-party: the grant is given without a consent screen.
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const { client, session } = ctx.oidc;
          if (!client || !session?.accountId) return undefined;
          const existing = session.grantIdFor(client.clientId);
          if (existing) return ctx.oidc.provider.Grant.find(existing);
          const grant = new ctx.oidc.provider.Grant({
            clientId: client.clientId,
            accountId: session.accountId,
          });
          grant.addOIDCScope("openid email profile groups");
          await grant.save();
          session.grantIdFor(client.clientId, grant.jti);
          return grant;
        },
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return idp;
}

/**
 * What a platform configured for this provider holds (the platform's `OidcSettings`): its client,
 * groups `vigil-admins` → admin and `vigil-readers` → viewer, sign-in labelled "Example SSO".
 */
export function oidcSettingsFor(idp: TestIdp) {
  return {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    name: "Example SSO",
    scopes: ["email", "profile", "groups"],
    adminValues: ["vigil-admins"],
    viewerValues: ["vigil-readers"],
  };
}

/**
 * A browser, as far as redirects and cookies go: follows each redirect itself, sends the cookies
 * each response set (one jar: browsers share cookies across ports of one host, as here), and stops
 * at the first answer that is not a redirect.
 */
export function cookieBrowser() {
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    jar,
    cookieHeader,
    /** Follows redirects from `url`; with `stopBefore`, returns without requesting the first URL that starts with it. */
    async get(
      url: string,
      { stopBefore, maxHops = 10 }: { stopBefore?: string; maxHops?: number } = {},
    ): Promise<{ res: Response; url: string; hops: string[] }> {
      const hops: string[] = [];
      let current = url;
      let last: Response | undefined;
      for (let hop = 0; hop <= maxHops; hop++) {
        if (stopBefore && last && current.startsWith(stopBefore)) return { res: last, url: current, hops };
        hops.push(current);
        const res = await fetch(current, { redirect: "manual", headers: { cookie: cookieHeader() } });
        take(res);
        last = res;
        const location = res.headers.get("location");
        if (res.status < 300 || res.status >= 400 || !location) return { res, url: current, hops };
        await res.arrayBuffer();
        current = new URL(location, current).toString();
      }
      throw new Error(`more than ${maxHops} redirects from ${url}`);
    },
  };
}
