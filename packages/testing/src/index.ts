export {
  localInfrastructure,
  repositoryRoot,
  InfrastructureNotConfiguredError,
  type LocalInfrastructure,
} from './infrastructure.ts';
export { reach, redactedUrl, ServerUnreachableError, type ServerName } from './reachability.ts';
export { openTestSuite, TestSuite, type SuiteDatabase } from './suite.ts';
export { waitFor, WaitForTimeoutError, type WaitForOptions } from './wait-for.ts';
export { PrivateKafkaBroker } from './private-kafka.ts';
export { quietTemporalRuntime, workflowBundle } from './temporal.ts';
export { serveJwks, type JwksServer } from './jwks-server.ts';
export {
  percentile,
  table,
  throughput,
  together,
  type Measurement,
  type TableHeadings,
} from './bench-figures.ts';
