import { renderTemplate } from "./cfn.ts";
import { ebsScanningTemplate } from "./ebs-scanning.ts";
import { memberTemplate } from "./member.ts";
import { PLATFORM_ARTIFACTS, platformTemplate } from "./platform.ts";
import { ARTIFACTS, type RootTemplateOptions, rootTemplate } from "./root.ts";
import { stackSetTemplate } from "./stackset.ts";

export * from "./cfn.ts";
export * from "./ebs-scanning.ts";
export * from "./member.ts";
export * from "./platform.ts";
export * from "./root.ts";
export * from "./stackset.ts";

/** Every template, by the file name it is published under. */
export function allTemplates(options: RootTemplateOptions = {}) {
  return {
    [ARTIFACTS.rootTemplate]: rootTemplate(options),
    [ARTIFACTS.ebsScanningTemplate]: ebsScanningTemplate(
      options.scannerSha256 === undefined ? {} : { scannerSha256: options.scannerSha256 },
    ),
    [ARTIFACTS.stackSetTemplate]: stackSetTemplate(options),
    [ARTIFACTS.memberTemplate]: memberTemplate(options),
    [PLATFORM_ARTIFACTS.template]: platformTemplate(
      options.releaseVersion === undefined ? {} : { releaseVersion: options.releaseVersion },
    ),
  };
}

export function renderAllTemplates(options: RootTemplateOptions = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(allTemplates(options)).map(([file, t]) => [file, renderTemplate(t)]),
  );
}
