// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The nested stack of the EBS scanner: an Auto Scaling group (desired 0; the agent raises it while
 * a scan needs it) of arm64 instances onto which Vigil attaches volumes made from snapshots of the
 * customer's volumes. Created only when the root stack's `EnableEbsScanning` is `true`.
 */
import { CREATED_BY_TAG_KEY, CREATED_BY_TAG_VALUE, INTEGRATION_TAG_KEY, vigilTags } from "../tags.ts";
import { type CfnTemplate, equals, getAtt, ifThen, ref, sub } from "./cfn.ts";

/** The scanner's bundle in a release. */
export const SCANNER_ARTIFACT = "scanner.zip";

export interface EbsScanningTemplateOptions {
  /**
   * SHA-256 of the release's `scanner.zip`, written into the launch template when the release is
   * built: the bootstrap runs the bundle only if its hash equals this and the release manifest's.
   * Absent (a build without the scanner), every scanner instance refuses to start, saying why.
   */
  readonly scannerSha256?: string;
}

/**
 * The scanner instance's bootstrap (user data, a CloudFormation `Fn::Sub` string): fetch the release
 * manifest and the scanner bundle from the artifact bucket, compute the bundle's SHA-256, and run it
 * only when it equals both the manifest's entry and the hash this template was built with; anything
 * else is refused and the instance shuts down. `VIGIL_SCANNER_DIR` and `VIGIL_BOOTSTRAP_NO_SHUTDOWN`
 * exist for the test that runs this very script.
 */
export function scannerBootstrapScript(scannerSha256: string | undefined): string {
  return `#!/bin/bash
# Vigil EBS scanner bootstrap: verify the scanner bundle, then run it.
set -euo pipefail
DIR="\${!VIGIL_SCANNER_DIR:-/opt/vigil-scanner}"
EXPECTED="${scannerSha256 ?? "none"}"
refuse() {
  echo "vigil-scanner: REFUSED: $1" >&2
  logger -t vigil-scanner "REFUSED: $1" 2>/dev/null || true
  if [ -z "\${!VIGIL_BOOTSTRAP_NO_SHUTDOWN:-}" ]; then shutdown -h now; fi
  exit 1
}
mkdir -p "$DIR"
cd "$DIR"
aws s3 cp --only-show-errors "s3://\${ArtifactBucket}/\${ArtifactPrefix}/manifest.json" manifest.json --region "\${AWS::Region}"
aws s3 cp --only-show-errors "s3://\${ArtifactBucket}/\${ArtifactPrefix}/${SCANNER_ARTIFACT}" ${SCANNER_ARTIFACT} --region "\${AWS::Region}"
[ "$EXPECTED" != "none" ] || refuse "this template was built without the scanner's hash"
LISTED=$(python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print(next((f["sha256"] for f in m.get("files", []) if f.get("name") == "${SCANNER_ARTIFACT}"), ""))' manifest.json) || refuse "manifest.json is not a release manifest"
ACTUAL=$(sha256sum ${SCANNER_ARTIFACT} | cut -d' ' -f1)
[ -n "$LISTED" ] || refuse "the release manifest lists no ${SCANNER_ARTIFACT}"
[ "$LISTED" = "$EXPECTED" ] || refuse "the release manifest lists ${SCANNER_ARTIFACT} as $LISTED, this template expects $EXPECTED"
[ "$ACTUAL" = "$LISTED" ] || refuse "${SCANNER_ARTIFACT} has SHA-256 $ACTUAL, the release manifest says $LISTED"
rm -rf app && mkdir app
python3 -m zipfile -e ${SCANNER_ARTIFACT} app/
NODE=""
for candidate in node node-22 node-20; do
  if command -v "$candidate" >/dev/null 2>&1; then NODE=$(command -v "$candidate"); break; fi
done
if [ -z "$NODE" ]; then
  dnf install -y -q nodejs22 >/dev/null 2>&1 || dnf install -y -q nodejs20 >/dev/null 2>&1 || true
  for candidate in node node-22 node-20; do
    if command -v "$candidate" >/dev/null 2>&1; then NODE=$(command -v "$candidate"); break; fi
  done
fi
[ -n "$NODE" ] || refuse "no Node.js on this image (dnf install nodejs22 failed)"
export VIGIL_INTEGRATION_ID="\${IntegrationId}" VIGIL_EVENTS_TOPIC_ARN="\${EventsTopicArn}" AWS_REGION="\${AWS::Region}"
exec "$NODE" app/index.mjs
`;
}

export function ebsScanningTemplate(options: EbsScanningTemplateOptions = {}): CfnTemplate {
  const integration = ref("IntegrationId");
  const tags = vigilTags(integration);
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description:
      "Vigil EBS scanning: scanner instances for volume copies (nested in the Vigil integration stack)",
    Parameters: {
      IntegrationId: { Type: "String", Description: "Id of the Vigil integration" },
      ArtifactBucket: {
        Type: "String",
        Description: "Bucket holding the release (the scanner bundle and its manifest)",
      },
      ArtifactPrefix: { Type: "String", Description: "Key prefix of the release in ArtifactBucket" },
      EventsTopicArn: {
        Type: "String",
        Description: "The integration's events topic: the scanner publishes its results there",
      },
      ImageParameter: {
        Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        Description: "SSM parameter holding the AMI of the scanner instances (arm64)",
      },
      SubnetIds: {
        Type: "CommaDelimitedList",
        Description: "Subnets of the scanner instances; empty: an isolated VPC and subnet are made here",
        Default: "",
      },
      InstanceType: {
        Type: "String",
        Description: "Instance type of the scanner (arm64)",
        Default: "t4g.small",
        AllowedPattern: "^[a-z0-9]+g[a-z0-9]*\\.[a-z0-9]+$",
        ConstraintDescription: "a Graviton (arm64) instance type such as t4g.small",
      },
    },
    Conditions: {
      CreateScannerNetwork: equals({ "Fn::Join": [",", ref("SubnetIds")] }, ""),
    },
    Resources: {
      // No subnets given (an organization's member accounts each have their own VPCs): a VPC and a
      // subnet of the scanner's own, with no internet gateway, so nothing reaches the instances.
      ScannerVpc: {
        Type: "AWS::EC2::VPC",
        Condition: "CreateScannerNetwork",
        Properties: {
          CidrBlock: "10.213.0.0/24",
          EnableDnsSupport: true,
          EnableDnsHostnames: true,
          Tags: tags,
        },
      },
      ScannerSubnet: {
        Type: "AWS::EC2::Subnet",
        Condition: "CreateScannerNetwork",
        Properties: {
          VpcId: ref("ScannerVpc"),
          CidrBlock: "10.213.0.0/26",
          AvailabilityZone: { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
          MapPublicIpOnLaunch: false,
          Tags: tags,
        },
      },
      // The isolated subnet reaches only what the scanner calls, through endpoints in the VPC: S3 (the
      // bundle, its manifest, and the image's package repositories for Node), SNS (its results) and
      // EC2 (the copies attached to it). Nothing else in or out.
      ScannerRouteTable: {
        Type: "AWS::EC2::RouteTable",
        Condition: "CreateScannerNetwork",
        Properties: { VpcId: ref("ScannerVpc"), Tags: tags },
      },
      ScannerSubnetRouteTable: {
        Type: "AWS::EC2::SubnetRouteTableAssociation",
        Condition: "CreateScannerNetwork",
        Properties: { SubnetId: ref("ScannerSubnet"), RouteTableId: ref("ScannerRouteTable") },
      },
      ScannerS3Endpoint: {
        Type: "AWS::EC2::VPCEndpoint",
        Condition: "CreateScannerNetwork",
        Properties: {
          VpcId: ref("ScannerVpc"),
          ServiceName: sub("com.amazonaws.${AWS::Region}.s3"),
          VpcEndpointType: "Gateway",
          RouteTableIds: [ref("ScannerRouteTable")],
          Tags: tags,
        },
      },
      ScannerEndpointSecurityGroup: {
        Type: "AWS::EC2::SecurityGroup",
        Condition: "CreateScannerNetwork",
        Properties: {
          GroupDescription: "Vigil EBS scanner: HTTPS from the scanner subnet to the SNS and EC2 endpoints",
          VpcId: ref("ScannerVpc"),
          SecurityGroupIngress: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, CidrIp: "10.213.0.0/26" }],
          Tags: tags,
        },
      },
      ...Object.fromEntries(
        (["sns", "ec2"] as const).map((service) => [
          `Scanner${service === "sns" ? "Sns" : "Ec2"}Endpoint`,
          {
            Type: "AWS::EC2::VPCEndpoint",
            Condition: "CreateScannerNetwork",
            Properties: {
              VpcId: ref("ScannerVpc"),
              ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
              VpcEndpointType: "Interface",
              PrivateDnsEnabled: true,
              SubnetIds: [ref("ScannerSubnet")],
              SecurityGroupIds: [ref("ScannerEndpointSecurityGroup")],
              Tags: tags,
            },
          },
        ]),
      ),
      ScannerRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          Description: "Vigil EBS scanner instance: reads attached volumes only; reports through the agent",
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
          },
          Policies: [
            {
              PolicyName: "scan-and-report",
              PolicyDocument: {
                Version: "2012-10-17",
                Statement: [
                  {
                    Sid: "ReportResults",
                    Effect: "Allow",
                    Action: "sns:Publish",
                    Resource: ref("EventsTopicArn"),
                  },
                  {
                    Sid: "FetchTheScannerBundleAndManifest",
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: [
                      sub("arn:${AWS::Partition}:s3:::${ArtifactBucket}/${ArtifactPrefix}/manifest.json"),
                      sub(
                        `arn:\${AWS::Partition}:s3:::\${ArtifactBucket}/\${ArtifactPrefix}/${SCANNER_ARTIFACT}`,
                      ),
                    ],
                  },
                  {
                    // Which copies are attached to it, and their tags; DescribeVolumes has no resource-level permission.
                    Sid: "ListAttachedCopies",
                    Effect: "Allow",
                    Action: "ec2:DescribeVolumes",
                    Resource: "*",
                  },
                ],
              },
            },
          ],
          Tags: tags,
        },
      },
      ScannerInstanceProfile: {
        Type: "AWS::IAM::InstanceProfile",
        Properties: { Roles: [ref("ScannerRole")] },
      },
      ScannerLaunchTemplate: {
        Type: "AWS::EC2::LaunchTemplate",
        Properties: {
          LaunchTemplateName: sub("vigil-ebs-scanner-${IntegrationId}"),
          LaunchTemplateData: {
            ImageId: ref("ImageParameter"),
            InstanceType: ref("InstanceType"),
            IamInstanceProfile: { Arn: getAtt("ScannerInstanceProfile", "Arn") },
            MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
            UserData: { "Fn::Base64": sub(scannerBootstrapScript(options.scannerSha256)) },
            EbsOptimized: true,
            TagSpecifications: ["instance", "volume"].map((ResourceType) => ({ ResourceType, Tags: tags })),
          },
          TagSpecifications: [{ ResourceType: "launch-template", Tags: tags }],
        },
      },
      ScannerGroup: {
        Type: "AWS::AutoScaling::AutoScalingGroup",
        Properties: {
          AutoScalingGroupName: sub("vigil-ebs-scanner-${IntegrationId}"),
          MinSize: "0",
          MaxSize: "2",
          DesiredCapacity: "0",
          LaunchTemplate: {
            LaunchTemplateId: ref("ScannerLaunchTemplate"),
            Version: getAtt("ScannerLaunchTemplate", "LatestVersionNumber"),
          },
          VPCZoneIdentifier: ifThen("CreateScannerNetwork", [ref("ScannerSubnet")], ref("SubnetIds")),
          Tags: [
            { Key: CREATED_BY_TAG_KEY, Value: CREATED_BY_TAG_VALUE, PropagateAtLaunch: true },
            { Key: INTEGRATION_TAG_KEY, Value: integration, PropagateAtLaunch: true },
          ],
        },
      },
    },
    Outputs: {
      ScannerGroupName: { Description: "Auto Scaling group the agent scales", Value: ref("ScannerGroup") },
    },
  };
}
