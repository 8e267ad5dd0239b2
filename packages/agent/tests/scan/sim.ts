import { type AccountModel, createSimulatedAccount, type SimulatedAccount } from "@vigil/testkit";
import { type AwsClients, countingCall, createAwsClients } from "../../src/index.ts";

/** Real SDK clients over testkit's simulated account (no network). */
export function simulated(
  model: AccountModel,
  throttling = false,
): { account: SimulatedAccount; clients: AwsClients; calls: () => number } {
  const account = createSimulatedAccount(model, { throttling: throttling ? {} : false });
  const { call, stats } = countingCall();
  const clients = createAwsClients({
    requestHandler: account.requestHandler,
    credentials: { accessKeyId: "AKIASIMULATEDTEST000", secretAccessKey: "simulated" },
    call,
  });
  return { account, clients, calls: () => stats.total() };
}

type Json = Record<string, unknown>;

/** A file of the model (AWS CLI JSON), typed loosely for assertions. */
export function file(model: AccountModel, key: string): Json {
  const value = model.files.get(key);
  if (value === undefined) throw new Error(`the model has no ${key}`);
  return value as Json;
}

export function list(model: AccountModel, key: string, member: string): Json[] {
  return (file(model, key)[member] as Json[] | undefined) ?? [];
}
