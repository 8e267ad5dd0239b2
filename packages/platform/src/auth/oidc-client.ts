import * as client from "openid-client";
import { displayName, isLoopback, type OidcSettings, roleFromClaims } from "./oidc.ts";
import type { Role } from "./sessions.ts";

/** The two halves of the code flow, over `openid-client` (discovery, PKCE, ID token checks). */
export interface OidcClient {
  /** Where to send the browser: the provider's authorization endpoint with this flow's values. */
  authorizationUrl(input: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<URL>;
  /**
   * The provider's answer: the code exchanged (PKCE verifier, state, nonce, the ID token's
   * signature, issuer, audience and expiry all checked by openid-client), then the person and the
   * role their claims give (from the ID token, else from userinfo).
   */
  finish(input: {
    currentUrl: URL;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<{ user: string; role: Role | undefined }>;
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const discovered = () => {
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        {
          execute: [
            // The ID token's signature too, against the provider's JWKS (OIDC lets a client skip it
            // for a token fetched over TLS; checking costs one cached JWKS fetch).
            client.enableNonRepudiationChecks,
            // http only on loopback (validated with the settings): a provider on the same machine.
            ...(isLoopback(new URL(settings.issuer).hostname) ? [client.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        configuration = undefined; // the next sign-in discovers again
        throw error;
      });
    return configuration;
  };
  const roleClaim = settings.roleClaim ?? "groups";

  return {
    async authorizationUrl({ redirectUri, state, nonce, codeVerifier }) {
      const config = await discovered();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: ["openid", ...(settings.scopes ?? ["email", "profile"])].join(" "),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
    },

    async finish({ currentUrl, state, nonce, codeVerifier }) {
      const config = await discovered();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...tokens.claims() };
      if (!(roleClaim in claims)) {
        // Many providers put groups in userinfo only; its subject must be the ID token's.
        const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
      return { user: displayName(claims), role: roleFromClaims(settings, claims) };
    },
  };
}
