/**
 * The tags that make a resource Vigil's, and whose. Everything Vigil creates carries both
 * `Created By: Vigil` and `Vigil Integration: <integrationId>`; teardown deletes only resources
 * carrying both, for its own integration (the stack's templates tag theirs the same way).
 */

export const CREATED_BY_TAG = { key: "Created By", value: "Vigil" } as const;

/** Key of the tag naming the integration a resource was created for. */
export const INTEGRATION_TAG = { key: "Vigil Integration" } as const;

/**
 * CloudFormation tags every resource it creates with these (`aws:cloudformation:stack-id`,
 * `…:logical-id`, `…:stack-name`); such a resource is the stack's to delete, never the agent's.
 */
export const CLOUDFORMATION_TAG_PREFIX = "aws:cloudformation:";

/** The two tags in the AWS list form (`[{Key, Value}]`). */
export function vigilTags(integrationId: string): { Key: string; Value: string }[] {
  return [
    { Key: CREATED_BY_TAG.key, Value: CREATED_BY_TAG.value },
    { Key: INTEGRATION_TAG.key, Value: integrationId },
  ];
}

export function isCreatedByVigil(tags: Readonly<Record<string, string>> | undefined): boolean {
  return tags?.[CREATED_BY_TAG.key] === CREATED_BY_TAG.value;
}

export function isManagedByCloudFormation(tags: Readonly<Record<string, string>> | undefined): boolean {
  return Object.keys(tags ?? {}).some((key) => key.startsWith(CLOUDFORMATION_TAG_PREFIX));
}

/** Vigil created it for this integration, and CloudFormation does not manage it: teardown's to delete. */
export function isOwnedBy(
  tags: Readonly<Record<string, string>> | undefined,
  integrationId: string,
): boolean {
  return (
    isCreatedByVigil(tags) &&
    tags?.[INTEGRATION_TAG.key] === integrationId &&
    !isManagedByCloudFormation(tags)
  );
}
