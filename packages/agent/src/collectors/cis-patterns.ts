import { CIS_MONITORING_PATTERNS, type CisMonitoringPattern } from "../assets/index.ts";

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
