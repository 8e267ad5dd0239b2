/**
 * Every resource Vigil creates carries these two tags. `Created By = Vigil` is what the IAM
 * policies condition every write and delete on, so it is the guarantee that Vigil only ever
 * deletes what Vigil created.
 */
export const CREATED_BY_TAG_KEY = "Created By";
export const CREATED_BY_TAG_VALUE = "Vigil";
export const INTEGRATION_TAG_KEY = "Vigil Integration Id";

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
