/** @module Package stores: msdb instances (sysssispackages on SQLite or PostgreSQL) side by side, the file system store, and the rules between versions. */
export { createInstance, listInstances, resolveServer, openInstance, dropInstance, type InstanceRef, type MsdbSession, type Credentials } from './instances.ts';
export { addLogin, addRole, addRoleMember, findPrincipal, grantInstanceAccess, FIXED_ROLES, SYSADMIN, type Caller } from './principals.ts';
export * from './procedures/index.ts';
export {
  importPackage,
  readStoredPackage,
  storedPackageExists,
  removeStoredPackage,
  packageBackups,
  createStoredFolder,
  deleteStoredFolder,
  renameStoredFolder,
  storedFolderExists,
  listStoredFolder,
  findFolderId,
  PackageExistsError,
  type StoreResult,
  type FolderEntry,
} from './msdb-store.ts';
export { gatePackage, isEncryptedWhole, type GatedPackage } from './package-gate.ts';
export { readPackageHeader, decodePackageText, type PackageHeader } from './package-header.ts';
export { parsePackagePath, pathSegments, type PackagePath } from './package-path.ts';
export { storeFile, writePackageFile, createStoreFolder, deleteStoreFolder, renameStoreFolder, listStoreFolder, type FileStoreEntry } from './file-store.ts';
export { resolveDtsPackage, resolveDtsFolder, type ResolvedLocation, type ResolvedFolder } from './locations.ts';
export { assertReadable, assertWritable, assertTransfer } from './version-rules.ts';
export { loadFromStore, type StoredPackage } from './load.ts';
export { listPackageStore, type PackageStoreEntry } from './package-store.ts';
export { msdbError, msdbErrorNumber, notFoundError, folderNotFoundError, serverNotFoundError } from './errors.ts';
export { ROOT_FOLDER_ID, MAINTENANCE_PLANS_FOLDER_ID, newGuid, normalizeGuid } from './guid.ts';
export type { StoreDb } from './db/driver.ts';
