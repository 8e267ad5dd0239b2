import {
  DescribeOrganizationCommand,
  type DescribeOrganizationResponse,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { type AssetOf, GLOBAL_REGION } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { Collector } from "./collector.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ organizations: OrganizationsClient });

/**
 * The account's organization from `DescribeOrganization`: `AWSOrganizationsNotInUseException` is a
 * fact (the account is in no organization); a denied or failed call leaves both fields unread.
 */
export function organizationsAccountAsset(
  accountId: string,
  organization: RawOutcome<Pick<DescribeOrganizationResponse, "Organization">>,
): AssetOf<"aws.organizations.account"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.organizations.account">["config"]> = {};
  if (!unread.failed(organization, "organizationId", "featureSet")) {
    const org = organization.ok ? organization.value.Organization : undefined;
    config.organizationId = org?.Id ?? null;
    config.featureSet = org?.Id === undefined ? null : (org.FeatureSet ?? null);
  }
  return unread.attach({
    arn: accountId,
    type: "aws.organizations.account" as const,
    region: GLOBAL_REGION,
    accountId,
    name: "organization",
    tags: {},
    config: config as AssetOf<"aws.organizations.account">["config"],
  });
}

export const organizationsCollector: Collector = {
  id: "organizations-organization",
  scope: "global",
  resourceTypes: ["aws.organizations.account"],
  async collect(c) {
    const organization = await c.read.one(
      { scope: GLOBAL_REGION, service: "organizations", command: "describe-organization" },
      () => c.clients.organizations.send(new DescribeOrganizationCommand({})),
    );
    return { assets: [organizationsAccountAsset(c.accountId, organization)] };
  },
};
