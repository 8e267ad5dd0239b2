import { createEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { ACCOUNT, admin, testPlatform } from "./helpers.ts";

/**
 * An instance's operating system at the platform: its `aws.ec2.instance-os` report (the OS checks'
 * findings, like any asset's) and the inventory of its latest EBS scan, on the asset page and from
 * the API; a later scan replaces an earlier one whatever the order they arrive in; what the disk
 * holds is escaped on the page.
 */

const INSTANCE = "i-0abc1234def567890";
const ARN = `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${INSTANCE}/os`;

function scanned(
  integrationId: string,
  at: string,
  packages: { name: string; version: string; arch: string | null }[],
  scanId: string,
) {
  return createEvent(
    "vigil.ebs.scanned.v1",
    {
      scanId,
      region: "eu-west-1",
      sourceVolumeArn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:volume/vol-0abc1234def567890`,
      snapshotId: "snap-0abc1234def567890",
      filesScanned: 120,
      results: [],
      durationMs: 1000,
      instanceId: INSTANCE,
      volumeRole: "root",
      os: {
        id: "debian",
        name: "Debian GNU/Linux",
        versionId: "12",
        prettyName: "Debian GNU/Linux 12 (bookworm)",
        kernels: ["6.1.0-18-cloud-amd64"],
      },
      packages: { manager: "dpkg", items: packages },
    },
    { source: `urn:vigil:ebs-scanner:${ACCOUNT}`, integrationId, time: at },
  );
}

describe("an instance's operating system at the platform", () => {
  it("shows the OS checks' findings and the latest scan's packages, on the asset page and from the API", async () => {
    const p = testPlatform(undefined, { maxBodyBytes: 1024 * 1024 });
    const agent = await p.registeredAgent();
    const assessed = createEvent(
      "vigil.scan.asset-assessed.v1",
      {
        scanId: "scan-2",
        assessedAt: "2025-03-02T10:00:00.000Z",
        asset: {
          arn: ARN,
          type: "aws.ec2.instance-os",
          region: "eu-west-1",
          accountId: ACCOUNT,
          name: "web",
          tags: { Name: "web" },
        },
        results: [
          {
            checkId: "vigil.os.sshd-root-login-disabled",
            status: "fail",
            severity: "high",
            title: "sshd should not permit root to log in",
            evidence: "PermitRootLogin is yes",
          },
          {
            checkId: "vigil.os.password-max-days",
            status: "pass",
            severity: "medium",
            title: "Passwords should expire within 365 days",
          },
        ],
      },
      {
        source: `urn:vigil:agent:${ACCOUNT}`,
        integrationId: agent.integrationId,
        time: "2025-03-02T10:00:00.000Z",
      },
    );
    const newer = scanned(
      agent.integrationId,
      "2025-03-02T09:59:00.000Z",
      [
        { name: "openssh-server", version: "1:9.2p1-2+deb12u2", arch: "amd64" },
        { name: "<script>alert(1)</script>", version: "1", arch: null },
      ],
      "scan-2",
    );
    const older = scanned(
      agent.integrationId,
      "2025-03-01T09:59:00.000Z",
      [{ name: "openssh-server", version: "1:9.2p1-2", arch: "amd64" }],
      "scan-1",
    );
    // The newer scan arrives first.
    for (const events of [[assessed, newer], [older]]) {
      const res = await p.signed(agent, "/agent/events", JSON.stringify({ events }));
      expect(res.status).toBe(202);
    }

    const api = await p.app.request(
      `/api/integrations/${agent.integrationId}/inventory?arn=${encodeURIComponent(ARN)}`,
      { headers: admin },
    );
    expect(api.status).toBe(200);
    const inventory = (await api.json()) as {
      scanId: string;
      os: { prettyName: string };
      packages: { manager: string; items: { name: string; version: string }[] };
    };
    expect(inventory.scanId).toBe("scan-2");
    expect(inventory.os.prettyName).toBe("Debian GNU/Linux 12 (bookworm)");
    expect(inventory.packages.manager).toBe("dpkg");
    expect(inventory.packages.items.map((i) => i.version)).toContain("1:9.2p1-2+deb12u2");

    const page = await (
      await p.app.request(
        `/dashboard/integrations/${agent.integrationId}/asset?arn=${encodeURIComponent(ARN)}`,
        { headers: admin },
      )
    ).text();
    expect(page).toContain('id="os-facts"');
    expect(page).toContain("Debian GNU/Linux 12 (bookworm)");
    expect(page).toContain('id="packages"');
    expect(page).toContain("1:9.2p1-2+deb12u2");
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("PermitRootLogin is yes");

    const none = await p.app.request(`/api/integrations/${agent.integrationId}/inventory?arn=nope`, {
      headers: admin,
    });
    expect(none.status).toBe(404);
  });
});
