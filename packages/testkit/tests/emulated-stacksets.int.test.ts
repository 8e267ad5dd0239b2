// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudFormationClient, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEmulatedOrganization,
  createStack,
  deleteStack,
  type EmulatedAccount,
  type EmulatedOrganization,
  startEmulatedAccount,
  updateStack,
  uploadRelease,
} from "../src/index.ts";

/**
 * Service-managed StackSets as the emulated CloudFormation deploys them (moto deploys nothing
 * visible): instances are stacks in the target accounts, below the target OUs at any depth, never
 * in the management account; auto-deployment follows accounts created, moved and removed; a change
 * of targets and the StackSet's deletion add and remove instances.
 */

const BUCKET = "stackset-templates";
let account: EmulatedAccount;
let org: EmulatedOrganization;
let dir: string;
const ou: Record<string, string> = {};
const acct: Record<string, string> = {};
let stackId: string;

const member = {
  AWSTemplateFormatVersion: "2010-09-09",
  Resources: {
    Marker: {
      Type: "AWS::SSM::Parameter",
      Properties: { Name: { "Fn::Sub": "/member/${AWS::AccountId}" }, Type: "String", Value: "deployed" },
    },
  },
};

const organizationTemplate = {
  AWSTemplateFormatVersion: "2010-09-09",
  Parameters: { Ous: { Type: "CommaDelimitedList" } },
  Resources: {
    Set: {
      Type: "AWS::CloudFormation::StackSet",
      Properties: {
        StackSetName: "test-set",
        PermissionModel: "SERVICE_MANAGED",
        AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
        TemplateURL: `https://${BUCKET}.s3.us-east-1.amazonaws.com/t/member.json`,
        StackInstancesGroup: [
          { DeploymentTargets: { OrganizationalUnitIds: { Ref: "Ous" } }, Regions: ["us-east-1"] },
        ],
      },
    },
  },
};

beforeAll(async () => {
  account = await startEmulatedAccount();
  org = await createEmulatedOrganization(account);
  ou.a = await org.createOrganizationalUnit("a");
  ou.a1 = await org.createOrganizationalUnit("a1", ou.a);
  ou.b = await org.createOrganizationalUnit("b");
  acct.deep = await org.createAccount("deep", ou.a1);
  acct.other = await org.createAccount("other", ou.b);
  acct.loose = await org.createAccount("loose");
  dir = mkdtempSync(join(tmpdir(), "vigil-stacksets-"));
  writeFileSync(join(dir, "member.json"), JSON.stringify(member));
  writeFileSync(join(dir, "organization.json"), JSON.stringify(organizationTemplate));
  await uploadRelease(account, { dir, bucket: BUCKET, prefix: "t" });
}, 120_000);

afterAll(async () => {
  org?.destroy();
  await account?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const deployed = async () =>
  (await account.settleStackSets()).stackSets[0]?.instances.map((i) => [i.account, i.status]).sort() ?? [];

async function stackStatus(accountId: string, id: string): Promise<string | undefined> {
  const cfn = new CloudFormationClient(account.clientConfig(accountId));
  try {
    return (await cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks?.[0]?.StackStatus;
  } finally {
    cfn.destroy();
  }
}

describe("service-managed StackSets in the emulated organization", () => {
  it("deploys to the accounts below the target OU, at any depth, as stacks in those accounts", async () => {
    const outcome = await createStack(account, {
      stackName: "organization",
      bucket: BUCKET,
      templateKey: "t/organization.json",
      parameters: { Ous: ou.a as string },
    });
    stackId = outcome.stackId;
    expect(outcome.status).toBe("CREATE_COMPLETE");
    expect(await deployed()).toEqual([[acct.deep, "CURRENT"]]);
    const instance = (await account.stackSets()).stackSets[0]?.instances[0];
    expect(await stackStatus(acct.deep as string, instance?.stackId as string)).toBe("CREATE_COMPLETE");
  });

  it("follows the organization: an account created in a target OU, one moved in, one moved out", async () => {
    acct.joined = await org.createAccount("joined", ou.a);
    await org.moveAccount(acct.other as string, ou.b as string, ou.a as string);
    await org.moveAccount(acct.deep as string, ou.a1 as string, ou.b as string);
    expect(await deployed()).toEqual(
      [
        [acct.joined, "CURRENT"],
        [acct.other, "CURRENT"],
      ].sort(),
    );
    const removed = (await account.stackSets()).stackSets[0]?.removed ?? [];
    expect(removed.map((r) => r.account)).toEqual([acct.deep]);
    expect(await stackStatus(acct.deep as string, removed[0]?.stackId as string)).toBe("DELETE_COMPLETE");
  });

  it("deletes the stack of an account that leaves the organization", async () => {
    await org.removeAccount(acct.other as string);
    expect(await deployed()).toEqual([[acct.joined, "CURRENT"]]);
  });

  it("targets the root: every account, those in no OU too, never the management account; deleting the StackSet deletes them", async () => {
    const updated = await updateStack(account, {
      stackId,
      bucket: BUCKET,
      templateKey: "t/organization.json",
      parameters: { Ous: org.rootId },
    });
    expect(updated.status).toBe("UPDATE_COMPLETE");
    const all = [acct.joined, acct.loose, acct.deep].map((a) => [a, "CURRENT"]).sort();
    expect(await deployed()).toEqual(all);
    expect((await deployed()).map(([a]) => a)).not.toContain(org.managementAccountId);
    const deleted = await deleteStack(account, stackId);
    expect(deleted.status).toBe("DELETE_COMPLETE");
    const state = await account.settleStackSets();
    expect(state.stackSets[0]?.instances).toEqual([]);
  });
});
