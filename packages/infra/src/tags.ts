/**
 * Every resource Vigil creates carries these two tags: `Created By = Vigil` and
 * `Vigil Integration = <IntegrationId>`. The IAM policies condition every write and delete on both,
 * so an integration only ever deletes what it created itself: not what another integration in the
 * same account created, nor anything untagged.
 */
export const CREATED_BY_TAG_KEY = "Created By";
export const CREATED_BY_TAG_VALUE = "Vigil";
export const INTEGRATION_TAG_KEY = "Vigil Integration";

export interface Tag {
  readonly Key: string;
  readonly Value: unknown;
}

/** Tags in CloudFormation's list form; `integrationId` is usually `{ Ref: "IntegrationId" }`. */
export function vigilTags(integrationId: unknown): Tag[] {
  return [
    { Key: CREATED_BY_TAG_KEY, Value: CREATED_BY_TAG_VALUE },
    { Key: INTEGRATION_TAG_KEY, Value: integrationId },
  ];
}

/** Tags in the map form some resource types use (SSM parameters). */
export function vigilTagMap(integrationId: unknown): Record<string, unknown> {
  return { [CREATED_BY_TAG_KEY]: CREATED_BY_TAG_VALUE, [INTEGRATION_TAG_KEY]: integrationId };
}
