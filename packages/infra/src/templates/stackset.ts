// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The organization template, deployed once in the management account (or a delegated
 * administrator): a service-managed StackSet that installs the member template in every account of
 * the chosen OUs, and in each account that joins them later (auto-deployment); an account leaving
 * the organization or those OUs has its stack deleted (RetainStacksOnAccountRemoval false), which
 * runs the agent's teardown and marks the account `deleted` at the platform, its history kept.
 *
 * Every member stack gets the same parameters: the organization integration's id, the enrollment
 * secret and the organization id (each account enrolls as `<id>-<account id>`, its identity proven
 * by AWS), the platform's URL and bus, the release, the scanning settings and the EBS scanning
 * ones (the image as an SSM path each account resolves; subnets only when shared through RAM,
 * otherwise each account makes an isolated one).
 *
 * Coverage gaps of service-managed StackSets, and how this template closes them:
 * - The management account is never a target of its own service-managed StackSet. Set
 *   `CoverManagementAccount=true` (the default) and this stack also creates the member template as
 *   a nested stack in the management account itself.
 * - Accounts directly under the organization root, in no OU: pass the root id (`r-xxxx`) in
 *   `OrganizationalUnitIds` — a target includes every account below it, so the root id covers the
 *   whole organization (still except the management account), and an organization without OUs.
 */

import { vigilTags } from "../tags.ts";
import { type CfnTemplate, equals, ref, sub } from "./cfn.ts";
import { MEMBER_PASSED_THROUGH, memberParameters } from "./member.ts";
import { ARTIFACTS } from "./root.ts";

/** What the StackSet passes to every member stack: the member template's parameters. */
export const STACKSET_PASSED_THROUGH = [
  "IntegrationId",
  ...MEMBER_PASSED_THROUGH,
  "ScannerSubnetIds",
] as const;

export function stackSetTemplate(options: { releaseVersion?: string } = {}): CfnTemplate {
  const releaseVersion = options.releaseVersion ?? "0.1.0";
  const memberTemplateUrl = sub(
    `https://\${ArtifactBucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}/\${ArtifactPrefix}/${ARTIFACTS.memberTemplate}`,
  );
  // A CommaDelimitedList parameter is passed on as the comma-separated string it came as.
  const value = (name: string) =>
    name === "ScannerSubnetIds" ? { "Fn::Join": [",", ref(name)] } : ref(name);
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "Vigil for an AWS Organization: a service-managed StackSet of the Vigil member stack",
    Parameters: {
      ...memberParameters(releaseVersion),
      OrganizationalUnitIds: {
        Type: "CommaDelimitedList",
        Description:
          "OUs to cover; the root id (r-xxxx) covers every account of the organization, those in no OU included",
      },
      CoverManagementAccount: {
        Type: "String",
        Description: "Also install Vigil in this (management) account, which service-managed StackSets skip",
        Default: "true",
        AllowedValues: ["true", "false"],
      },
    },
    Conditions: {
      CoverManagementAccount: equals(ref("CoverManagementAccount"), "true"),
    },
    Resources: {
      VigilStackSet: {
        Type: "AWS::CloudFormation::StackSet",
        Properties: {
          StackSetName: sub("vigil-${IntegrationId}"),
          Description: "Vigil integration in every account of the organization's chosen OUs",
          PermissionModel: "SERVICE_MANAGED",
          AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
          ManagedExecution: { Active: true },
          Capabilities: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
          OperationPreferences: {
            RegionConcurrencyType: "PARALLEL",
            MaxConcurrentPercentage: 25,
            FailureTolerancePercentage: 10,
          },
          TemplateURL: memberTemplateUrl,
          Parameters: STACKSET_PASSED_THROUGH.map((name) => ({
            ParameterKey: name,
            ParameterValue: value(name),
          })),
          StackInstancesGroup: [
            {
              DeploymentTargets: {
                OrganizationalUnitIds: ref("OrganizationalUnitIds"),
              },
              Regions: [ref("AWS::Region")],
            },
          ],
          Tags: vigilTags(ref("IntegrationId")),
        },
      },
      ManagementAccountStack: {
        Type: "AWS::CloudFormation::Stack",
        Condition: "CoverManagementAccount",
        Properties: {
          TemplateURL: memberTemplateUrl,
          Parameters: Object.fromEntries(STACKSET_PASSED_THROUGH.map((name) => [name, value(name)])),
          Tags: vigilTags(ref("IntegrationId")),
        },
      },
    },
    Outputs: {
      StackSetId: { Description: "The Vigil StackSet", Value: ref("VigilStackSet") },
    },
  };
}
