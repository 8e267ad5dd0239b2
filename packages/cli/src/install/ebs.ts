import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import {
  describeAttachedCopies,
  type MemoryEntry,
  memoryRootFs,
  OPT_OUT_TAG,
  SOURCE_VOLUME_TAG,
  scanAttachedCopies,
  scannerGroupName,
} from "@vigil/agent";
import { type EventEnvelope, SnsSqsBus } from "@vigil/events";
import type { EmulatedAccount } from "@vigil/testkit";

/**
 * EBS scanning in the emulated account. moto keeps EC2's and Auto Scaling's state but runs no
 * instance, so the scanner instance the agent scales up is played here: its attached copies are
 * listed from EC2 as the scanner lists them, and the scanner's own code assesses the disk each
 * copy was made from — a Debian root this module holds, with known misconfigurations — and
 * publishes its result to the integration's events topic, from where SNS pushes it to the agent.
 */

/** The disk of the demo's instance: Debian 12 with five known misconfigurations. */
export function demoDisk(): Record<string, MemoryEntry> {
  const file = (content: string, mode = 0o644, gid = 0): MemoryEntry => ({
    type: "file",
    content,
    mode,
    gid,
  });
  const installed = (name: string, version: string) =>
    `Package: ${name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${version}\nDescription: ${name}\n`;
  return {
    "/etc/os-release": file(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
    ),
    "/usr/lib/modules/6.1.0-18-cloud-amd64/modules.dep": file(""),
    "/var/lib/dpkg/status": file(
      [
        installed("base-files", "12.4+deb12u5"),
        installed("openssh-server", "1:9.2p1-2+deb12u2"),
        installed("openssl", "3.0.11-1~deb12u2"),
        installed("sudo", "1.9.13p3-1+deb12u1"),
        installed("chrony", "4.3-2+deb12u1"),
        installed("telnet", "0.17+2.4-2"),
        installed("linux-image-6.1.0-18-cloud-amd64", "6.1.76-1"),
      ].join("\n"),
    ),
    "/etc/passwd": file(
      "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nadmin:x:1000:1000::/home/admin:/bin/bash\n",
    ),
    "/etc/shadow": file(
      "root:*:19700:1:365:7:30::\ndaemon:*:19700:1:365:7:30::\nadmin:!:19700:1:365:7:30::\n",
      0o644,
      42,
    ),
    "/etc/group": file("root:x:0:\nshadow:x:42:\nadmin:x:1000:\n"),
    "/etc/login.defs": file(
      "PASS_MAX_DAYS 99999\nPASS_MIN_DAYS 0\nPASS_WARN_AGE 7\nENCRYPT_METHOD YESCRYPT\nUID_MIN 1000\n",
    ),
    "/etc/ssh/sshd_config": file(
      "PermitRootLogin yes\nPasswordAuthentication yes\nX11Forwarding yes\nUsePAM yes\n",
      0o600,
    ),
    "/etc/sysctl.conf": file("net.ipv4.ip_forward = 1\n"),
    "/etc/systemd/system/multi-user.target.wants/ssh.service": {
      type: "symlink",
      target: "/lib/systemd/system/ssh.service",
    },
    "/etc/systemd/system/multi-user.target.wants/chrony.service": {
      type: "symlink",
      target: "/lib/systemd/system/chrony.service",
    },
    "/tmp": { type: "dir", mode: 0o1777 },
  };
}

export interface EbsSeed {
  readonly instanceId: string;
  readonly rootVolumeId: string;
  readonly subnetId: string;
  /** An SSM parameter holding the scanner's AMI id (the stack's `ScannerImageParameter` takes a parameter name). */
  readonly imageParameter: string;
}

/**
 * An instance whose root volume holds `demoDisk()`, in a subnet of the default VPC; every other
 * running instance is tagged out of EBS scanning (the demo scans one disk). Also the SSM parameter
 * the stack reads the scanner's AMI from.
 */
export async function seedEbsInstance(account: EmulatedAccount): Promise<EbsSeed> {
  const config = account.clientConfig();
  const ec2 = new EC2Client(config);
  const ssm = new SSMClient(config);
  try {
    const others = ((await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name === "running" && i.InstanceId)
      .map((i) => i.InstanceId as string);
    if (others.length > 0)
      await ec2.send(
        new CreateTagsCommand({ Resources: others, Tags: [{ Key: OPT_OUT_TAG, Value: "disabled" }] }),
      );
    const subnet = ((await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? []).find(
      (s) => s.DefaultForAz,
    );
    if (!subnet?.SubnetId) throw new Error("the emulated account has no default subnet");
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: "ami-12345678",
        InstanceType: "t3.small",
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.SubnetId,
        BlockDeviceMappings: [{ DeviceName: "/dev/sda1", Ebs: { VolumeSize: 8 } }],
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
      }),
    );
    const instance = run.Instances?.[0];
    const rootVolumeId = instance?.BlockDeviceMappings?.find((m) => m.DeviceName === instance.RootDeviceName)
      ?.Ebs?.VolumeId;
    if (!instance?.InstanceId || !rootVolumeId)
      throw new Error("the emulated account launched no instance with a root volume");
    const imageParameter = "/vigil-demo/scanner-ami";
    await ssm.send(
      new PutParameterCommand({
        Name: imageParameter,
        Type: "String",
        Value: "ami-12345678",
        Overwrite: true,
      }),
    );
    return { instanceId: instance.InstanceId, rootVolumeId, subnetId: subnet.SubnetId, imageParameter };
  } finally {
    ec2.destroy();
    ssm.destroy();
  }
}

/** The scanner instances of an integration's group, played: see the module's comment. */
export class EmulatedScanner {
  readonly #reported = new Set<string>();
  readonly published: EventEnvelope[] = [];

  constructor(
    readonly account: EmulatedAccount,
    readonly integrationId: string,
    /** The disk each source volume holds (a volume not listed holds nothing the scanner can mount). */
    readonly disks: ReadonlyMap<string, Record<string, MemoryEntry>>,
  ) {}

  /** Every scanner instance in service scans the copies attached to it once; returns how many it reported. */
  async act(): Promise<number> {
    const config = this.account.clientConfig();
    const ec2 = new EC2Client(config);
    const autoscaling = new AutoScalingClient(config);
    const sns = new SNSClient(config);
    try {
      const group = (
        await autoscaling.send(
          new DescribeAutoScalingGroupsCommand({
            AutoScalingGroupNames: [scannerGroupName(this.integrationId)],
          }),
        )
      ).AutoScalingGroups?.[0];
      const topicArn = ((await sns.send(new ListTopicsCommand({}))).Topics ?? [])
        .map((t) => t.TopicArn ?? "")
        .find((arn) => arn.endsWith(`:vigil-events-${this.integrationId}`));
      if (!topicArn) throw new Error(`no events topic vigil-events-${this.integrationId}`);
      const bus = new SnsSqsBus({
        sns,
        sqs: new SQSClient(config),
        topicArn,
        integrationId: this.integrationId,
      });
      let count = 0;
      for (const i of group?.Instances ?? []) {
        if (i.LifecycleState !== "InService" || !i.InstanceId) continue;
        const instanceId = i.InstanceId;
        const published = await scanAttachedCopies(
          {
            accountId: this.account.accountId,
            region: this.account.region,
            instanceId,
            integrationId: this.integrationId,
            attachedCopies: () => describeAttachedCopies(ec2, instanceId),
            open: async (copy) => {
              const disk = this.disks.get(copy.tags[SOURCE_VOLUME_TAG] ?? "");
              return disk
                ? { ok: true, fs: memoryRootFs(disk), close: async () => {} }
                : {
                    ok: false,
                    code: "NoFilesystem",
                    message: `${copy.device} holds no filesystem the scanner can mount`,
                  };
            },
            publish: async (events) => {
              await bus.publish(events);
            },
          },
          { now: () => Date.now(), reported: this.#reported },
        );
        this.published.push(...published);
        count += published.length;
      }
      return count;
    } finally {
      ec2.destroy();
      autoscaling.destroy();
      sns.destroy();
    }
  }
}

/** What describe-volumes and describe-snapshots show of this integration's (both tags) and of the rest. */
export async function ebsLeftovers(account: EmulatedAccount, integrationId: string) {
  const ec2 = new EC2Client(account.clientConfig());
  const autoscaling = new AutoScalingClient(account.clientConfig());
  try {
    const ours = (tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined) =>
      (tags ?? []).some((t) => t.Key === "Created By" && t.Value === "Vigil") &&
      (tags ?? []).some((t) => t.Key === "Vigil Integration" && t.Value === integrationId);
    const volumes = (await ec2.send(new DescribeVolumesCommand({}))).Volumes ?? [];
    const snapshots = (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots ?? [];
    const group = (
      await autoscaling.send(
        new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [scannerGroupName(integrationId)] }),
      )
    ).AutoScalingGroups?.[0];
    return {
      volumes: volumes.length,
      vigilVolumes: volumes.filter((v) => ours(v.Tags)).map((v) => v.VolumeId as string),
      snapshots: snapshots.length,
      vigilSnapshots: snapshots.filter((s) => ours(s.Tags)).map((s) => s.SnapshotId as string),
      scannerDesired: group?.DesiredCapacity,
      otherVolumes: volumes.filter((v) => !ours(v.Tags)).map((v) => `${v.VolumeId} ${v.State}`),
    };
  } finally {
    ec2.destroy();
    autoscaling.destroy();
  }
}
