export {
  type ApiFamily,
  type AwsClients,
  type AwsClientsOptions,
  type CallStats,
  type CallWrapper,
  countingCall,
  createAwsClients,
  directCall,
  operationOf,
  type RegionClients,
} from "./clients.ts";
