/** @module The Integration Services service (`dtsserver`): the HTTP API and console of one version, its history and its runs. */
export { startService, serviceName, VERSION_HEADER, CSRF_HEADER, type ServiceOptions, type RunningService } from './server.ts';
export { loadServiceConfig, type ServiceConfig } from './service-config.ts';
export { ServiceDb, type ExecutionRow, type ExecutionStatus, type MessageRow } from './service-db.ts';
export { Runner, dtexecArgs, type RunRequest, type Override } from './runs.ts';
export { PackageOps, type TopFolderInfo, type StoreOutcome } from './package-ops.ts';
export { InstancePool, type Actor } from './instance-pool.ts';
export { packageDetails, type PackageDetails } from './package-details.ts';
export { hideSecrets, HIDDEN } from './secrets.ts';
export { packageDiagrams, layeredLayout, designerLayout, type Diagram, type DiagramNode, type DiagramEdge } from './diagram.ts';
export { rowsPerPath, type PathRows } from './rows-per-path.ts';
export { ROUTES, SESSION_COOKIE, type ServiceContext, type Route } from './routes.ts';
export { ServiceJobs, type JobView, type JobHistoryView, type ServiceJobsOptions } from './jobs.ts';
