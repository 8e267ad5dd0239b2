import type { TestIdp } from "@vigil/testkit/oidc";
import type { OidcSettings } from "../src/auth/oidc.ts";

/** The platform's settings for this provider: groups mapped to roles as the tests expect. */
export function oidcSettingsFor(idp: TestIdp): OidcSettings {
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
