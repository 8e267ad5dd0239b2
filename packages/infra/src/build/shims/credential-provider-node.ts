/**
 * Stands in for `@aws-sdk/credential-provider-node` inside Lambda bundles (see `lambdaPlugins`).
 *
 * Lambda always hands a function its role's credentials in `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, and the default chain tries the environment
 * first, so on Lambda it resolves exactly what `fromEnv` resolves. The rest of the chain (SSO,
 * shared ini files, credential_process, web identity, ECS/IMDS with their STS/SSO/sign-in clients)
 * never runs there but costs ~100 KB of bundle and its parse time on every cold start.
 *
 * Same exports as the real package, so every client's `runtimeConfig` links unchanged.
 */
import { type FromEnvInit, fromEnv } from "@aws-sdk/credential-provider-env";

interface Expiring {
  readonly expiration?: Date;
}

type Provider = ReturnType<typeof fromEnv>;
type Credentials = Awaited<ReturnType<Provider>>;

/** Memoized like the real chain: read once, read again only when close to expiry or asked to. */
export const defaultProvider = (init: FromEnvInit = {}): Provider => {
  const fromEnvironment = fromEnv(init);
  let cached: Promise<Credentials> | undefined;
  return async (options?: { forceRefresh?: boolean }) => {
    if (cached && !options?.forceRefresh) {
      const credentials = await cached.catch(() => undefined);
      if (credentials && !credentialsTreatedAsExpired(credentials)) return credentials;
    }
    cached = fromEnvironment();
    return cached;
  };
};

export const credentialsWillNeedRefresh = (credentials: Expiring | undefined): boolean =>
  credentials?.expiration !== undefined;

/** Five minutes before expiry, as in the real chain. */
export const credentialsTreatedAsExpired = (credentials: Expiring | undefined): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
