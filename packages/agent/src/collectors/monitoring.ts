import { paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { paginateDescribeMetricFilters } from "@aws-sdk/client-cloudwatch-logs";
import { CIS_MONITORING_PATTERNS, type CisMonitoringPattern } from "../assets/index.ts";
import type { Collector, MonitoringFacts } from "./collector.ts";
import { reasonOf } from "./unread.ts";

/** Collects the region's metric filters and the metrics whose alarms notify SNS; `linkAssets` makes the CIS asset. */
export const cisMonitoringCollector: Collector = {
  id: "logs-cis-monitoring",
  scope: "regional",
  resourceTypes: ["aws.logs.cis-monitoring"],
  async collect(c) {
    const [filters, alarms] = await Promise.all([
      c.read.pages({ scope: c.region, service: "logs", command: "describe-metric-filters" }, () =>
        paginateDescribeMetricFilters({ client: c.clients.logs, pageSize: 50 }, {}),
      ),
      c.read.pages({ scope: c.region, service: "cloudwatch", command: "describe-alarms" }, () =>
        paginateDescribeAlarms({ client: c.clients.cloudwatch, pageSize: 100 }, {}),
      ),
    ]);
    // Unknown, not "no filters": the region's CIS monitoring is then not decided.
    if (!filters.ok || !alarms.ok) {
      const failed = !filters.ok ? filters : alarms.ok ? undefined : alarms;
      return {
        assets: [],
        monitoring: {
          region: c.region,
          filters: [],
          alarmedMetrics: [],
          ...(failed ? { unread: reasonOf(failed) } : {}),
        },
      };
    }
    const alarmed = new Set<string>();
    for (const a of alarms.value.MetricAlarms ?? []) {
      if (!(a.AlarmActions ?? []).some((action) => /^arn:aws[a-z-]*:sns:/.test(action))) continue;
      if (a.MetricName) alarmed.add(`${a.Namespace ?? ""}/${a.MetricName}`);
      for (const m of a.Metrics ?? []) {
        const metric = m.MetricStat?.Metric;
        if (metric?.MetricName) alarmed.add(`${metric.Namespace ?? ""}/${metric.MetricName}`);
      }
    }
    const monitoring: MonitoringFacts = {
      region: c.region,
      filters: (filters.value.metricFilters ?? []).map((f) => ({
        logGroupName: f.logGroupName ?? "",
        pattern: f.filterPattern ?? "",
        metrics: (f.metricTransformations ?? []).map(
          (t) => `${t.metricNamespace ?? ""}/${t.metricName ?? ""}`,
        ),
      })),
      alarmedMetrics: [...alarmed].sort(),
    };
    return { assets: [], monitoring };
  },
};

const names = (...events: string[]) => events.map((e) => new RegExp(`\\$\\.eventName=${e}(?![A-Za-z])`));
const literal = (...tokens: string[]) =>
  tokens.map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

/**
 * What a filter pattern must contain for each CIS v5.0 4.x recommendation, compared after removing
 * whitespace and quotes. Every event name the benchmark lists must be there: a pattern that
 * watches only some of them leaves the rest unmonitored.
 */
const REQUIRED: Record<CisMonitoringPattern, readonly RegExp[]> = {
  "unauthorized-api-calls": literal("$.errorCode=*UnauthorizedOperation", "$.errorCode=AccessDenied*"),
  "console-signin-without-mfa": [...names("ConsoleLogin"), ...literal("$.additionalEventData.MFAUsed!=Yes")],
  "root-account-usage": literal(
    "$.userIdentity.type=Root",
    "$.userIdentity.invokedByNOTEXISTS",
    "$.eventType!=AwsServiceEvent",
  ),
  "iam-policy-changes": names(
    "DeleteGroupPolicy",
    "DeleteRolePolicy",
    "DeleteUserPolicy",
    "PutGroupPolicy",
    "PutRolePolicy",
    "PutUserPolicy",
    "CreatePolicy",
    "DeletePolicy",
    "CreatePolicyVersion",
    "DeletePolicyVersion",
    "AttachRolePolicy",
    "DetachRolePolicy",
    "AttachUserPolicy",
    "DetachUserPolicy",
    "AttachGroupPolicy",
    "DetachGroupPolicy",
  ),
  "cloudtrail-configuration-changes": names(
    "CreateTrail",
    "UpdateTrail",
    "DeleteTrail",
    "StartLogging",
    "StopLogging",
  ),
  "console-authentication-failures": [
    ...names("ConsoleLogin"),
    ...literal("$.errorMessage=Failedauthentication"),
  ],
  "cmk-disable-or-scheduled-deletion": [
    ...literal("$.eventSource=kms.amazonaws.com"),
    ...names("DisableKey", "ScheduleKeyDeletion"),
  ],
  "s3-bucket-policy-changes": [
    ...literal("$.eventSource=s3.amazonaws.com"),
    ...names(
      "PutBucketAcl",
      "PutBucketPolicy",
      "PutBucketCors",
      "PutBucketLifecycle",
      "PutBucketReplication",
      "DeleteBucketPolicy",
      "DeleteBucketCors",
      "DeleteBucketLifecycle",
      "DeleteBucketReplication",
    ),
  ],
  "aws-config-changes": [
    ...literal("$.eventSource=config.amazonaws.com"),
    ...names(
      "StopConfigurationRecorder",
      "DeleteDeliveryChannel",
      "PutDeliveryChannel",
      "PutConfigurationRecorder",
    ),
  ],
  "security-group-changes": names(
    "AuthorizeSecurityGroupIngress",
    "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress",
    "RevokeSecurityGroupEgress",
    "CreateSecurityGroup",
    "DeleteSecurityGroup",
  ),
  "nacl-changes": names(
    "CreateNetworkAcl",
    "CreateNetworkAclEntry",
    "DeleteNetworkAcl",
    "DeleteNetworkAclEntry",
    "ReplaceNetworkAclEntry",
    "ReplaceNetworkAclAssociation",
  ),
  "network-gateway-changes": names(
    "CreateCustomerGateway",
    "DeleteCustomerGateway",
    "AttachInternetGateway",
    "CreateInternetGateway",
    "DeleteInternetGateway",
    "DetachInternetGateway",
  ),
  "route-table-changes": [
    ...literal("$.eventSource=ec2.amazonaws.com"),
    ...names(
      "CreateRoute",
      "CreateRouteTable",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "DeleteRouteTable",
      "DeleteRoute",
      "DisassociateRouteTable",
    ),
  ],
  "vpc-changes": names(
    "CreateVpc",
    "DeleteVpc",
    "ModifyVpcAttribute",
    "AcceptVpcPeeringConnection",
    "CreateVpcPeeringConnection",
    "DeleteVpcPeeringConnection",
    "RejectVpcPeeringConnection",
    "AttachClassicLinkVpc",
    "DetachClassicLinkVpc",
    "DisableVpcClassicLink",
    "EnableVpcClassicLink",
  ),
  "organizations-changes": [
    ...literal("$.eventSource=organizations.amazonaws.com"),
    ...names(
      "AcceptHandshake",
      "AttachPolicy",
      "CreateAccount",
      "CreateOrganizationalUnit",
      "CreatePolicy",
      "DeclineHandshake",
      "DeleteOrganization",
      "DeleteOrganizationalUnit",
      "DeletePolicy",
      "DetachPolicy",
      "DisablePolicyType",
      "EnablePolicyType",
      "InviteAccountToOrganization",
      "LeaveOrganization",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ),
  ],
};

/** The CIS patterns a metric filter pattern covers. */
export function cisPatternsOf(filterPattern: string): CisMonitoringPattern[] {
  const normalized = filterPattern.replace(/[\s"']/g, "");
  return CIS_MONITORING_PATTERNS.filter((p) => REQUIRED[p].every((re) => re.test(normalized)));
}
