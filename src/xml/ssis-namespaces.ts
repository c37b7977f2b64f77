/** @module The XML namespaces SSIS files use, in one place for every reader. */

/** The package namespace (`DTS:` prefix) of .dtsx and .conmgr files. */
export const DTS_NAMESPACE = 'www.microsoft.com/SqlServer/Dts';
/** The project namespace (`SSIS:` prefix) of Project.params, manifests, and the Salt/IV attributes of encrypted values. */
export const SSIS_NAMESPACE = 'www.microsoft.com/SqlServer/SSIS';
