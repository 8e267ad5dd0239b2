import type { ViteUserConfig } from "vitest/config";

/**
 * Every package runs two vitest projects: `unit` (`*.unit.test.ts`, no I/O) and `int`
 * (`*.int.test.ts`, against the local AWS stack). Integration tests get longer timeouts and run
 * files one at a time so a 2-core machine is not asked to host several emulators at once.
 */
export function vigilTestProjects(): ViteUserConfig {
  return {
    test: {
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      passWithNoTests: false,
      projects: [
        {
          extends: true,
          test: { name: "unit", include: ["tests/**/*.unit.test.ts"], testTimeout: 30_000 },
        },
        {
          extends: true,
          test: {
            name: "int",
            include: ["tests/**/*.int.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
}
