import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RemoveAccountFromOrganizationCommand,
} from "@aws-sdk/client-organizations";

/**
 * An AWS Organization in the emulated AWS (moto's Organizations), run from its management account
 * as an administrator does: organizational units, new accounts (each its own account in moto, its
 * clients from `clientConfig(accountId)`), moves and removals. The emulated account's launcher
 * follows these changes for service-managed StackSets (auto-deployment), as CloudFormation does.
 */
export interface EmulatedOrganization {
  readonly organizationId: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  createOrganizationalUnit(name: string, parentId?: string): Promise<string>;
  /** A new member account, created under `parentId` (default: the root, in no OU). */
  createAccount(name: string, parentId?: string): Promise<string>;
  moveAccount(accountId: string, from: string, to: string): Promise<void>;
  /** The account leaves the organization. */
  removeAccount(accountId: string): Promise<void>;
  destroy(): void;
}

export interface OrganizationClientConfig {
  clientConfig(accountId?: string): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
}

export async function createEmulatedOrganization(
  account: OrganizationClientConfig,
  options: { managementAccountId?: string } = {},
): Promise<EmulatedOrganization> {
  const client = new OrganizationsClient(account.clientConfig(options.managementAccountId));
  const created = await client.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const organizationId = created.Organization?.Id as string;
  const managementAccountId = created.Organization?.MasterAccountId as string;
  const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id as string;
  return {
    organizationId,
    rootId,
    managementAccountId,
    async createOrganizationalUnit(name, parentId = rootId) {
      const ou = await client.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
      return ou.OrganizationalUnit?.Id as string;
    },
    async createAccount(name, parentId = rootId) {
      const request = await client.send(
        new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
      );
      const status = await client.send(
        new DescribeCreateAccountStatusCommand({
          CreateAccountRequestId: request.CreateAccountStatus?.Id as string,
        }),
      );
      const accountId = status.CreateAccountStatus?.AccountId as string;
      if (parentId !== rootId) {
        await client.send(
          new MoveAccountCommand({
            AccountId: accountId,
            SourceParentId: rootId,
            DestinationParentId: parentId,
          }),
        );
      }
      return accountId;
    },
    async moveAccount(accountId, from, to) {
      await client.send(
        new MoveAccountCommand({ AccountId: accountId, SourceParentId: from, DestinationParentId: to }),
      );
    },
    async removeAccount(accountId) {
      await client.send(new RemoveAccountFromOrganizationCommand({ AccountId: accountId }));
    },
    destroy: () => client.destroy(),
  };
}
