/** @module Project files as typed data: .dtsConfig, Project.params, .conmgr, project manifests, .dtproj, .SSISDeploymentManifest and .ispac. */
export { readDtsConfig, readDtsConfigFile } from './dts-config.ts';
export type { DtsConfigEntry, DtsConfigFile, DtsConfigHeading } from './dts-config.ts';
export { readProjectParams } from './project-params.ts';
export type { ProjectParamsFile, ProjectReadOptions } from './project-params.ts';
export type { ProjectParameter } from './ssis-parameters.ts';
export { readConnectionManagerFile } from './connection-manager-file.ts';
export type { ProjectConnectionManager } from './connection-manager-file.ts';
export { readProjectManifest } from './project-manifest.ts';
export type { ManifestPackage, ManifestPackageInfo, ProjectManifest } from './project-manifest.ts';
export { readDtproj } from './dtproj.ts';
export type { DtprojConfiguration, DtprojPackage, DtProject } from './dtproj.ts';
export { readDeploymentManifest } from './deployment-manifest.ts';
export type { DeploymentManifest } from './deployment-manifest.ts';
export { CONTENT_TYPES_MEMBER, MANIFEST_MEMBER, PARAMS_MEMBER, fileNameToPartName, partNameToFileName, readIspac, writeIspac } from './ispac.ts';
export type { IspacContent, IspacMember, IspacPackage, IspacProject } from './ispac.ts';
export { buildIspacFromDtproj } from './build-ispac.ts';
export { createIspac, writeProjectManifest, writeProjectParams } from './project-writer.ts';
export type { PackageInput, ParameterInput, ProjectInput } from './project-writer.ts';
