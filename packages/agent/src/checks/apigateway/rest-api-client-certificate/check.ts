import { defineCheck, fail, pass } from "../../check.ts";
import { everyStage } from "../stages.ts";

const ON = pass("every stage presents a client certificate to its backend");
const OFF = fail("a stage has no client certificate for backend authentication");

export const restApiClientCertificate = defineCheck({
  id: "vigil.apigateway.rest-api-client-certificate",
  title: "API Gateway REST API stages should use SSL certificates for backend authentication",
  severity: "medium",
  resourceType: "aws.apigateway.rest-api",
  reads: ["stages"],
  rationale:
    "A client certificate lets the backend verify that a request comes from API Gateway and not from someone calling the backend directly.",
  remediation:
    "aws apigateway generate-client-certificate, then aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations op=replace,path=/clientCertificateId,value=<certificate-id>.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-2",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html",
  ],
  mappings: { cis: [], fsbp: ["APIGateway.2"] },
  evaluate: (asset) => everyStage(asset.config.stages, (s) => s.clientCertificateId !== null, ON, OFF),
});
