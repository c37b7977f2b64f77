/** @module The side-by-side installation (between `versions/` and `store/`): the root, each version's folders, launchers, service configuration and settings. */
export { resolveRoot } from './root.ts';
export { installationOf, installationsOf, type Installation } from './layout.ts';
export {
  readSettings,
  writeSettings,
  updateSettings,
  defaultSettings,
  registeredName,
  type VersionSettings,
  type InstanceRegistration,
  type InstanceConnection,
} from './settings.ts';
export { defaultServiceConfig } from './service-config.ts';
export { launcherScript, LAUNCHED_TOOLS } from './launchers.ts';
export { installRoot, type InstallResult } from './install.ts';
export { readServiceConfig, readServiceConfigFile, type ServiceConfigFile, type ServiceTopFolder } from './service-config-read.ts';
