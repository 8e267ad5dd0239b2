import { generateReleaseSigningKey } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { handler } from "../src/handlers/lambda.ts";
import { updaterEnvironment } from "../src/index.ts";

const key = generateReleaseSigningKey();
const env = {
  VIGIL_INTEGRATION_ID: "int-1",
  VIGIL_RELEASE_BUCKET: "vigil-releases",
  VIGIL_RELEASE_PUBLIC_KEYS: key.publicKeyPem,
  VIGIL_PLATFORM_URL: "https://vigil.example.com",
  VIGIL_AGENT_FUNCTION: "vigil-agent",
  VIGIL_UPDATER_FUNCTION: "vigil-updater",
  VIGIL_EVENT_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-events",
  VIGIL_ALERT_TOPIC_ARN: "arn:aws:sns:eu-west-1:123456789012:vigil-alerts",
  AWS_ACCOUNT_ID: "123456789012",
};

describe("updater Lambda", () => {
  it("answers a health check with its own version without touching AWS or config", async () => {
    expect(await handler({ kind: "vigil.health-check", expectedVersion: "1.0.0" })).toEqual({
      ok: true,
      version: "0.0.0",
    });
  });

  it("reads its configuration from the environment", () => {
    const parsed = updaterEnvironment({
      ...env,
      VIGIL_PINNED_VERSION: "1.2.3",
      VIGIL_UPDATE_WINDOW: "sat,sun@01-05",
    });
    expect(parsed).toMatchObject({
      releaseBucket: "vigil-releases",
      trustedKeys: [{ keyId: key.keyId }],
      config: {
        integrationId: "int-1",
        source: "urn:vigil:updater:123456789012",
        channel: "stable",
        functionNames: { agent: "vigil-agent", updater: "vigil-updater" },
        policy: { pinnedVersion: "1.2.3", window: { days: [0, 6], startHour: 1, endHour: 5 } },
      },
    });
  });

  it("lists every configuration problem at once", () => {
    const parsed = updaterEnvironment({
      ...env,
      VIGIL_RELEASE_BUCKET: "",
      VIGIL_RELEASE_PUBLIC_KEYS: "not a key",
      VIGIL_PINNED_VERSION: "latest",
      VIGIL_RELEASE_CHANNEL: "nightly",
    });
    expect(parsed).toEqual({
      errors: [
        "VIGIL_RELEASE_BUCKET is not set",
        'VIGIL_RELEASE_CHANNEL must be stable or beta, not "nightly"',
        "VIGIL_RELEASE_PUBLIC_KEYS holds no PEM public key",
        'VIGIL_PINNED_VERSION "latest" is not a semantic version like 1.4.2',
      ],
    });
  });
});
