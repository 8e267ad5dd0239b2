/**
 * A schema built the first time it is used. Zod builds a schema eagerly, and the catalogue and
 * the agent's asset types are thousands of them: built at import they cost a Lambda's cold start
 * tens of milliseconds (`vigil bench scan`), most of it for types that invocation never meets.
 * The value stands for the schema in every way zod and its callers use one (properties, methods,
 * `instanceof`, nesting in other schemas); `build` runs once, on the first property read.
 *
 * The stand-in is a plain object whose prototype, until then, is a proxy (one handler for all): the
 * first read, write or `in` through it builds the schema, copies the schema's own properties onto the stand-in and gives it
 * the schema's prototype. From then on the stand-in is an ordinary object with the schema's
 * properties (the same internals, `_zod`, the same methods): zod's parse reads them at full
 * speed, with no proxy on the path — a schema nested in thousands of events a second is read
 * through many times an event.
 */
export function lazySchema<T extends object>(build: () => T): T {
  const unbuilt: Unbuilt = { standIn: undefined as unknown as object, build, built: false };
  const standIn = Object.create(new Proxy(unbuilt, UNBUILT)) as T;
  unbuilt.standIn = standIn;
  return standIn;
}

/** What a stand-in's prototype knows until the schema is built: the stand-in and how to build. */
interface Unbuilt {
  standIn: object;
  build: () => object;
  /** Set once built: a caller still holding the old prototype then reaches the built stand-in, not a second build. */
  built: boolean;
}

/** The stand-in, made the schema: its own properties and its prototype. Once. */
function materialize(unbuilt: Unbuilt): object {
  const { standIn, build } = unbuilt;
  if (unbuilt.built) return standIn;
  // A build that throws leaves the stand-in unbuilt: it throws again at the next use.
  const schema = build();
  for (const key of Reflect.ownKeys(schema)) {
    if (Object.hasOwn(standIn, key)) continue; // written on the stand-in before it was built: kept
    Object.defineProperty(standIn, key, Reflect.getOwnPropertyDescriptor(schema, key) as PropertyDescriptor);
  }
  Object.setPrototypeOf(standIn, Reflect.getPrototypeOf(schema));
  unbuilt.built = true;
  return standIn;
}

/** The handler of a stand-in's prototype until it is built: a read, a write or `in` through it builds it. */
const UNBUILT: ProxyHandler<Unbuilt> = {
  get: (unbuilt, key) => Reflect.get(materialize(unbuilt), key),
  set: (unbuilt, key, value) => Reflect.set(materialize(unbuilt), key, value),
  has: (unbuilt, key) => Reflect.has(materialize(unbuilt), key),
};
