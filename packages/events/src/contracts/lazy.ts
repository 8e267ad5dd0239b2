/**
 * A schema built the first time it is used. Zod builds a schema eagerly, and the catalogue and
 * the agent's asset types are thousands of them: built at import they cost a Lambda's cold start
 * tens of milliseconds (`vigil bench scan`), most of it for types that invocation never meets.
 * The value stands for the schema in every way zod and its callers use one (properties, methods,
 * `instanceof`, nesting in other schemas); `build` runs once, on the first property read.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // The proxy's own target is an empty object: a descriptor it reports must be configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
