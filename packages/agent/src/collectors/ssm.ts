import { type Instance, paginateDescribeInstances } from "@aws-sdk/client-ec2";
import {
  DescribeDocumentPermissionCommand,
  type DescribeDocumentPermissionCommandOutput,
  GetServiceSettingCommand,
  type GetServiceSettingCommandOutput,
  paginateDescribeInstanceInformation,
  paginateListDocuments,
  paginateListResourceComplianceSummaries,
  type ResourceComplianceSummaryItem,
  SSMClient,
} from "@aws-sdk/client-ssm";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext, Collector } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ ssm: SSMClient });

type SsmInstance = AssetOf<"aws.ssm.instance">;
type SsmDocument = AssetOf<"aws.ssm.document">;
type SharingSetting = AssetOf<"aws.ssm.document-sharing-setting">;

/** What Systems Manager says of the region's nodes, read once per region. */
export interface SsmRegionFacts {
  /** `DescribeInstanceInformation`: the managed nodes' ids. */
  readonly managed: RawOutcome<{ ids: readonly string[] }>;
  /** `ListResourceComplianceSummaries`: the managed instances' summaries. */
  readonly compliance: RawOutcome<{ items: readonly ResourceComplianceSummaryItem[] }>;
}

function complianceOf(
  items: readonly ResourceComplianceSummaryItem[],
  instanceId: string,
  type: "Patch" | "Association",
): "COMPLIANT" | "NON_COMPLIANT" | null {
  const item = items.find(
    (s) => s.ResourceId === instanceId && s.ComplianceType === type && s.ResourceType === "ManagedInstance",
  );
  return item?.Status === "COMPLIANT" || item?.Status === "NON_COMPLIANT" ? item.Status : null;
}

/** An EC2 instance as Systems Manager sees it; a failed regional read leaves its fields unread. */
export function ssmInstanceAsset(c: Where, instance: Instance, facts: SsmRegionFacts): SsmInstance {
  const id = instance.InstanceId ?? "";
  const unread = new UnreadFields();
  const config: Partial<SsmInstance["config"]> = {
    instanceId: id,
    instanceState: instance.State?.Name ?? "unknown",
  };
  if (!unread.failed(facts.managed, "managed") && facts.managed.ok)
    config.managed = facts.managed.value.ids.includes(id);
  if (!unread.failed(facts.compliance, "patchCompliance", "associationCompliance") && facts.compliance.ok) {
    config.patchCompliance = complianceOf(facts.compliance.value.items, id, "Patch");
    config.associationCompliance = complianceOf(facts.compliance.value.items, id, "Association");
  }
  const tags = Object.fromEntries((instance.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  const arn = `arn:${c.partition}:ssm:${c.region}:${c.accountId}:managed-instance-inventory/${id}`;
  return regionalAsset(c, "aws.ssm.instance", { arn, name: tags.Name ?? id, tags }, config, unread);
}

async function regionFacts(c: CollectContext): Promise<SsmRegionFacts> {
  const [managed, compliance] = await Promise.all([
    c.read.pages({ scope: c.region, service: "ssm", command: "describe-instance-information" }, () =>
      paginateDescribeInstanceInformation({ client: c.clients.ssm, pageSize: 50 }, {}),
    ),
    c.read.pages({ scope: c.region, service: "ssm", command: "list-resource-compliance-summaries" }, () =>
      paginateListResourceComplianceSummaries({ client: c.clients.ssm, pageSize: 50 }, {}),
    ),
  ]);
  return {
    managed: managed.ok
      ? {
          ok: true,
          value: { ids: (managed.value.InstanceInformationList ?? []).map((i) => i.InstanceId ?? "") },
        }
      : managed,
    compliance: compliance.ok
      ? { ok: true, value: { items: compliance.value.ResourceComplianceSummaryItems ?? [] } }
      : compliance,
  };
}

/** Every EC2 instance not terminated, with what Systems Manager knows of it (SSM.1, SSM.2, SSM.3). */
export const ssmInstancesCollector = listedCollector({
  id: "ssm-instances",
  type: "aws.ssm.instance",
  service: "ec2",
  command: "describe-instances",
  pages: (c) => paginateDescribeInstances({ client: c.clients.ec2, pageSize: 500 }, {}),
  items: (listing) =>
    (listing.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name !== "terminated" && i.State?.Name !== "shutting-down"),
  shared: regionFacts,
  asset: async (c, instance, facts) => ssmInstanceAsset(c, instance, facts),
});

/** A document as `DescribeDocumentPermission` (Share) describes it; a failed read leaves it unread. */
export function ssmDocumentAsset(
  c: Where,
  name: string,
  permission: RawOutcome<Pick<DescribeDocumentPermissionCommandOutput, "AccountIds">>,
): SsmDocument {
  const unread = new UnreadFields();
  const config: Partial<SsmDocument["config"]> = { documentName: name };
  if (!unread.failed(permission, "sharedPublicly") && permission.ok)
    config.sharedPublicly = (permission.value.AccountIds ?? []).includes("all");
  const arn = `arn:${c.partition}:ssm:${c.region}:${c.accountId}:document/${name}`;
  return regionalAsset(c, "aws.ssm.document", { arn, name }, config, unread);
}

export const ssmDocumentsCollector = listedCollector({
  id: "ssm-documents",
  type: "aws.ssm.document",
  service: "ssm",
  command: "list-documents",
  pages: (c) =>
    paginateListDocuments(
      { client: c.clients.ssm, pageSize: 50 },
      { Filters: [{ Key: "Owner", Values: ["Self"] }] },
    ),
  items: (listing) => listing.DocumentIdentifiers,
  async asset(c, document) {
    const name = document.Name ?? "";
    const permission = await c.read.one(
      { scope: c.region, service: "ssm", command: "describe-document-permission", resource: name },
      () =>
        c.clients.ssm.send(new DescribeDocumentPermissionCommand({ Name: name, PermissionType: "Share" })),
    );
    return ssmDocumentAsset(c, name, permission);
  },
});

export const PUBLIC_SHARING_SETTING = "/ssm/documents/console/public-sharing-permission";
export const AUTOMATION_LOG_SETTING = "/ssm/automation/customer-script-log-destination";

/** The service settings read per region: the setting, its asset type, and its value when never changed. */
const SETTINGS = {
  "aws.ssm.document-sharing-setting": { id: PUBLIC_SHARING_SETTING, unchanged: "Enable" },
  "aws.ssm.automation-log-setting": { id: AUTOMATION_LOG_SETTING, unchanged: "None" },
} as const;
type SettingType = keyof typeof SETTINGS;

/** A region's service setting; when `GetServiceSetting` failed, its value is unread. */
export function ssmServiceSettingAsset<T extends SettingType>(
  c: Where,
  type: T,
  setting: RawOutcome<Pick<GetServiceSettingCommandOutput, "ServiceSetting">>,
): AssetOf<T> {
  const { id, unchanged } = SETTINGS[type];
  const unread = new UnreadFields();
  const config: { settingValue?: string } = {};
  let arn = `arn:${c.partition}:ssm:${c.region}:${c.accountId}:servicesetting${id}`;
  if (!unread.failed(setting, "settingValue") && setting.ok) {
    arn = setting.value.ServiceSetting?.ARN ?? arn;
    config.settingValue = setting.value.ServiceSetting?.SettingValue ?? unchanged;
  }
  return regionalAsset(c, type, { arn, name: id }, config as Partial<AssetOf<T>["config"]>, unread);
}

/** The region's public sharing setting (never changed, it reads Enable: public sharing allowed). */
export const ssmDocumentSharingSettingAsset = (
  c: Where,
  setting: RawOutcome<Pick<GetServiceSettingCommandOutput, "ServiceSetting">>,
): SharingSetting => ssmServiceSettingAsset(c, "aws.ssm.document-sharing-setting", setting);

/** A collector of one service setting, read once per region (`get-service-setting/<last segment>`). */
function settingCollector(id: string, type: SettingType): Collector {
  const settingId = SETTINGS[type].id;
  return {
    id,
    scope: "regional",
    resourceTypes: [type],
    async collect(c) {
      const setting = await c.read.one(
        {
          scope: c.region,
          service: "ssm",
          command: "get-service-setting",
          resource: settingId.split("/").at(-1) ?? settingId,
        },
        () => c.clients.ssm.send(new GetServiceSettingCommand({ SettingId: settingId })),
      );
      return { assets: [ssmServiceSettingAsset(c, type, setting)] };
    },
  };
}

export const ssmDocumentSharingSettingCollector = settingCollector(
  "ssm-document-sharing-setting",
  "aws.ssm.document-sharing-setting",
);
export const ssmAutomationLogSettingCollector = settingCollector(
  "ssm-automation-log-setting",
  "aws.ssm.automation-log-setting",
);
