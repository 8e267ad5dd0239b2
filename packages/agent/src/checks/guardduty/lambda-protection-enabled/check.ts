import { protectionCheck } from "../protection.ts";

export const lambdaProtectionEnabled = protectionCheck({
  name: "lambda-protection-enabled",
  control: 6,
  plan: "Lambda Protection",
  ways: [["LAMBDA_NETWORK_LOGS"]],
  features: "Name=LAMBDA_NETWORK_LOGS,Status=ENABLED",
  rationale:
    "It watches the network activity of Lambda functions to detect a compromised function talking to mining pools or command-and-control hosts.",
});
