import { kafkaCases } from "./cases/kafka.ts";
import { runCheckCases } from "./harness.ts";

runCheckCases("kafka", kafkaCases);
