import type { AssetReportView } from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildReleaseDir,
  demoDisk,
  EmulatedInstallation,
  EmulatedScanner,
  ebsLeftovers,
  seedEbsInstance,
} from "../../src/install/index.ts";

/**
 * EBS scanning as a user gets it: the built release deployed with EnableEbsScanning (the nested
 * stack's launch template and scanner group created by CloudFormation), a scheduled scan whose ebs
 * shard the built agent zip runs in Node 22 against moto's EC2 and Auto Scaling, the scanner
 * instance played in the account (moto runs no instance) by the scanner's own code, its result
 * pushed by SNS to the agent. At the end the platform holds the instance's OS findings and package
 * inventory, and describe-volumes and describe-snapshots show nothing of Vigil's.
 */

const ADMIN_TOKEN = "ebs-e2e-admin-token-0123456789abcdef01";

let world: EmulatedInstallation;
let release: string;

beforeAll(async () => {
  release = await buildReleaseDir("0.1.0");
  world = await EmulatedInstallation.start({
    adminToken: ADMIN_TOKEN,
    account:
      process.env.VIGIL_RUNNER_LOGS === "1"
        ? { onLog: (fn: string, line: string) => console.log(`[${fn}] ${line.slice(0, 800)}`) }
        : {},
  });
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

describe("EBS scanning of the built release in the emulated account", () => {
  it("scans one instance's disk, reports its OS and packages at the platform, and leaves nothing behind", async () => {
    const seed = await seedEbsInstance(world.account);
    const { integrationId, registrationToken } = await world.createIntegration();
    await world.install({
      releaseDir: release,
      version: "0.1.0",
      integrationId,
      registrationToken,
      parameters: {
        EnableEbsScanning: "true",
        ScannerSubnetIds: seed.subnetId,
        ScannerImageParameter: seed.imageParameter,
      },
    });
    world.throwOnFailures("the install");
    const before = await ebsLeftovers(world.account, integrationId);

    const scanner = new EmulatedScanner(
      world.account,
      integrationId,
      new Map([[seed.rootVolumeId, demoDisk()]]),
    );
    const scanId = await world.scheduledScan(integrationId, 240_000, { between: () => scanner.act() });
    expect(scanner.published).toHaveLength(1);

    const { body } = await world.api<{ reports: AssetReportView[] }>(
      `/api/integrations/${integrationId}/reports`,
    );
    const os = body.reports.find((r) => r.asset.type === "aws.ec2.instance-os");
    expect(os?.asset.arn).toBe(
      `arn:aws:ec2:${world.account.region}:${world.account.accountId}:instance/${seed.instanceId}/os`,
    );
    expect(os?.scanId).toBe(scanId);
    const status = Object.fromEntries((os?.results ?? []).map((r) => [r.checkId, r.status]));
    for (const failed of [
      "vigil.os.sshd-root-login-disabled",
      "vigil.os.shadow-permissions",
      "vigil.os.sysctl-ip-forwarding-disabled",
      "vigil.os.password-max-days",
      "vigil.os.no-legacy-client-packages",
    ])
      expect(status[failed], failed).toBe("fail");
    expect(status["vigil.os.time-sync-enabled"]).toBe("pass");

    const inventory = await world.api<{
      os: { prettyName: string };
      packages: { manager: string; items: { name: string }[] };
    }>(`/api/integrations/${integrationId}/inventory?arn=${encodeURIComponent(os?.asset.arn ?? "")}`);
    expect(inventory.status).toBe(200);
    expect(inventory.body.os.prettyName).toBe("Debian GNU/Linux 12 (bookworm)");
    expect(inventory.body.packages.items.map((p) => p.name)).toContain("openssh-server");

    const after = await ebsLeftovers(world.account, integrationId);
    console.log(
      `EBS e2e: before the scan describe-volumes ${before.volumes} (Vigil's ${before.vigilVolumes.length}), describe-snapshots ${before.snapshots} (Vigil's ${before.vigilSnapshots.length}); after: describe-volumes ${after.volumes} (Vigil's ${after.vigilVolumes.length}), describe-snapshots ${after.snapshots} (Vigil's ${after.vigilSnapshots.length}), scanner group desired ${after.scannerDesired}`,
    );
    expect(after.vigilVolumes).toEqual([]);
    expect(after.vigilSnapshots).toEqual([]);
    expect(after.scannerDesired).toBe(0);
    expect(after.otherVolumes.sort()).toEqual(before.otherVolumes.sort());
    world.throwOnFailures("the EBS scan");
  }, 600_000);
});
