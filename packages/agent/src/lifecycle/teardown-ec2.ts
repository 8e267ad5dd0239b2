import {
  AutoScalingClient,
  DeleteAutoScalingGroupCommand,
  paginateDescribeAutoScalingGroups,
} from "@aws-sdk/client-auto-scaling";
import {
  DeleteLaunchTemplateCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Filter,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { registerClients } from "../aws/clients.ts";
import { CREATED_BY_TAG, INTEGRATION_TAG } from "./tags.ts";
import type { TaggedResource, TeardownApi } from "./teardown.ts";

registerClients({ ec2: EC2Client, autoscaling: AutoScalingClient });

type AwsTag = { Key?: string | undefined; Value?: string | undefined };

function tagsOf(tags: readonly AwsTag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

/** Both tags (filters are ANDed): what Vigil created for this integration. */
function tagFilters(integrationId: string): Filter[] {
  return [
    { Name: `tag:${CREATED_BY_TAG.key}`, Values: [CREATED_BY_TAG.value] },
    { Name: `tag:${INTEGRATION_TAG.key}`, Values: [integrationId] },
  ];
}

const NOT_FOUND = new Set([
  "InvalidVolume.NotFound",
  "InvalidSnapshot.NotFound",
  "InvalidInstanceID.NotFound",
  "InvalidLaunchTemplateId.NotFound",
  "InvalidLaunchTemplateName.NotFoundException",
]);

async function orGone<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (NOT_FOUND.has((error as { name?: string }).name ?? "")) return undefined;
    throw error;
  }
}

/** Teardown over the real EC2 and Auto Scaling APIs (or the simulated account behind them). */
export function ec2TeardownApi(
  clientsFor: (region: string) => { ec2: EC2Client; autoscaling: AutoScalingClient },
): TeardownApi {
  return {
    async listTagged(region, integrationId) {
      const { ec2, autoscaling } = clientsFor(region);
      const Filters = tagFilters(integrationId);
      const out: TaggedResource[] = [];
      for await (const page of paginateDescribeAutoScalingGroups({ client: autoscaling }, { Filters }))
        for (const g of page.AutoScalingGroups ?? [])
          if (g.AutoScalingGroupName)
            out.push({
              kind: "auto-scaling-group",
              id: g.AutoScalingGroupName,
              region,
              tags: tagsOf(g.Tags),
              ...(g.Status
                ? { state: g.Status.toLowerCase().startsWith("delete") ? "deleting" : g.Status }
                : {}),
            });
      for await (const page of paginateDescribeInstances({ client: ec2 }, { Filters }))
        for (const r of page.Reservations ?? [])
          for (const i of r.Instances ?? [])
            if (i.InstanceId)
              out.push({
                kind: "instance",
                id: i.InstanceId,
                region,
                tags: tagsOf(i.Tags),
                ...(i.State?.Name ? { state: i.State.Name } : {}),
                deletesVolumes: (i.BlockDeviceMappings ?? [])
                  .filter((m) => m.Ebs?.DeleteOnTermination === true && m.Ebs.VolumeId)
                  .map((m) => m.Ebs?.VolumeId as string),
              });
      for await (const page of paginateDescribeLaunchTemplates({ client: ec2 }, { Filters }))
        for (const t of page.LaunchTemplates ?? [])
          if (t.LaunchTemplateId)
            out.push({ kind: "launch-template", id: t.LaunchTemplateId, region, tags: tagsOf(t.Tags) });
      for await (const page of paginateDescribeVolumes({ client: ec2 }, { Filters }))
        for (const v of page.Volumes ?? [])
          if (v.VolumeId)
            out.push({
              kind: "volume",
              id: v.VolumeId,
              region,
              tags: tagsOf(v.Tags),
              ...(v.State ? { state: v.State } : {}),
              attachedTo: (v.Attachments ?? []).map((a) => a.InstanceId).filter((i): i is string => !!i),
            });
      for await (const page of paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ["self"], Filters }))
        for (const s of page.Snapshots ?? [])
          if (s.SnapshotId) out.push({ kind: "snapshot", id: s.SnapshotId, region, tags: tagsOf(s.Tags) });
      return out;
    },

    async currentTags(resource) {
      const { ec2, autoscaling } = clientsFor(resource.region);
      switch (resource.kind) {
        case "auto-scaling-group": {
          const page = await paginateDescribeAutoScalingGroups(
            { client: autoscaling },
            { AutoScalingGroupNames: [resource.id] },
          ).next();
          const group = page.value?.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === resource.id);
          return group ? tagsOf(group.Tags) : undefined;
        }
        case "instance": {
          const out = await orGone(() =>
            ec2.send(new DescribeInstancesCommand({ InstanceIds: [resource.id] })),
          );
          const instance = out?.Reservations?.flatMap((r) => r.Instances ?? []).find(
            (i) => i.InstanceId === resource.id,
          );
          return instance && instance.State?.Name !== "terminated" ? tagsOf(instance.Tags) : undefined;
        }
        case "launch-template": {
          const out = await orGone(() =>
            ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [resource.id] })),
          );
          const template = out?.LaunchTemplates?.find((t) => t.LaunchTemplateId === resource.id);
          return template ? tagsOf(template.Tags) : undefined;
        }
        case "volume": {
          const out = await orGone(() => ec2.send(new DescribeVolumesCommand({ VolumeIds: [resource.id] })));
          const volume = out?.Volumes?.find((v) => v.VolumeId === resource.id);
          return volume ? tagsOf(volume.Tags) : undefined;
        }
        case "snapshot": {
          const out = await orGone(() =>
            ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [resource.id] })),
          );
          const snapshot = out?.Snapshots?.find((s) => s.SnapshotId === resource.id);
          return snapshot ? tagsOf(snapshot.Tags) : undefined;
        }
      }
    },

    async delete(resource) {
      const { ec2, autoscaling } = clientsFor(resource.region);
      switch (resource.kind) {
        case "auto-scaling-group":
          // Force: the group's instances were launched by this Vigil group, from a Vigil template.
          await autoscaling.send(
            new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: resource.id, ForceDelete: true }),
          );
          return;
        case "instance":
          await ec2.send(new TerminateInstancesCommand({ InstanceIds: [resource.id] }));
          return;
        case "launch-template":
          await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: resource.id }));
          return;
        case "volume":
          await ec2.send(new DeleteVolumeCommand({ VolumeId: resource.id }));
          return;
        case "snapshot":
          await ec2.send(new DeleteSnapshotCommand({ SnapshotId: resource.id }));
          return;
      }
    },
  };
}
