import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ParameterStore, type ParameterType, SsmError, type Tag } from "./store.ts";

/**
 * The AWS JSON 1.1 face of {@link ParameterStore}: `POST /` with `X-Amz-Target: AmazonSSM.<Op>`.
 * It checks request shapes, calls the store and serializes; the rules live in the store.
 * Signatures are not verified: any credentials are accepted, as with the other local emulators.
 */

type Input = Record<string, unknown>;

const operations: Record<string, (store: ParameterStore, input: Input) => unknown> = {
  PutParameter: (store, input) =>
    store.putParameter({
      Name: str(input, "Name"),
      Value: str(input, "Value"),
      Type: optional(input, "Type", str) as ParameterType | undefined,
      Overwrite: optional(input, "Overwrite", bool),
      KeyId: optional(input, "KeyId", str),
      Description: optional(input, "Description", str),
      Tags: optional(input, "Tags", tags),
    }),
  GetParameter: (store, input) =>
    store.getParameter({ Name: str(input, "Name"), WithDecryption: optional(input, "WithDecryption", bool) }),
  GetParameters: (store, input) =>
    store.getParameters({
      Names: strings(input, "Names"),
      WithDecryption: optional(input, "WithDecryption", bool),
    }),
  GetParametersByPath: (store, input) => {
    if (input.ParameterFilters !== undefined) {
      throw new SsmError(
        "UnsupportedOperationException",
        "ParameterFilters are not supported by the local SSM stand-in.",
      );
    }
    return store.getParametersByPath({
      Path: str(input, "Path"),
      Recursive: optional(input, "Recursive", bool),
      WithDecryption: optional(input, "WithDecryption", bool),
      MaxResults: optional(input, "MaxResults", int),
      NextToken: optional(input, "NextToken", str),
    });
  },
  DeleteParameter: (store, input) => store.deleteParameter({ Name: str(input, "Name") }),
  DeleteParameters: (store, input) => store.deleteParameters({ Names: strings(input, "Names") }),
};

export interface SsmServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startSsmServer(store: ParameterStore, host = "127.0.0.1"): Promise<SsmServer> {
  const server = createServer((req, res) => {
    handle(store, req, res).catch((error: unknown) => {
      send(res, 500, { __type: "InternalServerError", message: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://${host}:${port}`, close: () => closeServer(server) };
}

async function handle(store: ParameterStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = req.headers["x-amz-target"];
  const operation =
    typeof target === "string" && target.startsWith("AmazonSSM.") ? target.slice(10) : undefined;
  const run = operation === undefined ? undefined : operations[operation];
  if (req.method !== "POST" || run === undefined) {
    send(res, 400, {
      __type: "UnknownOperationException",
      message: `The local SSM stand-in does not implement ${req.method} with X-Amz-Target "${String(target)}". Supported: ${Object.keys(
        operations,
      )
        .map((op) => `AmazonSSM.${op}`)
        .join(", ")}.`,
    });
    return;
  }
  try {
    const body = chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new SsmError("ValidationException", "The request body must be a JSON object.");
    }
    send(res, 200, run(store, body as Input));
  } catch (error) {
    if (error instanceof SsmError) send(res, 400, { __type: error.type, message: error.message });
    else if (error instanceof SyntaxError)
      send(res, 400, { __type: "SerializationException", message: error.message });
    else throw error;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // AWS JSON 1.1 serializes timestamps as epoch seconds.
  const json = JSON.stringify(body, function (key, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(json),
    "x-amzn-requestid": randomUUID(),
  });
  res.end(json);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function invalid(field: string, expected: string): SsmError {
  return new SsmError("ValidationException", `${field} must be ${expected}.`);
}

function str(input: Input, field: string): string {
  const value = input[field];
  if (typeof value !== "string") throw invalid(field, "a string");
  return value;
}

function bool(input: Input, field: string): boolean {
  const value = input[field];
  if (typeof value !== "boolean") throw invalid(field, "a boolean");
  return value;
}

function int(input: Input, field: string): number {
  const value = input[field];
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalid(field, "an integer");
  return value;
}

function strings(input: Input, field: string): string[] {
  const value = input[field];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw invalid(field, "a list of strings");
  return value;
}

function tags(input: Input, field: string): Tag[] {
  const value = input[field];
  const isTag = (t: unknown): t is Tag =>
    typeof t === "object" &&
    t !== null &&
    typeof (t as Tag).Key === "string" &&
    typeof (t as Tag).Value === "string";
  if (!Array.isArray(value) || !value.every(isTag)) throw invalid(field, "a list of { Key, Value } strings");
  return value.map(({ Key, Value }) => ({ Key, Value }));
}

function optional<T>(input: Input, field: string, read: (input: Input, field: string) => T): T | undefined {
  return input[field] === undefined || input[field] === null ? undefined : read(input, field);
}
