/** @module Every spelling of every executable, data flow component, connection manager, enumerator and log provider class, per package format, mapped to one canonical name (the 2014 moniker). */

/** What a class ID names. */
export type ClassKind = 'executable' | 'component' | 'connection' | 'enumerator' | 'logProvider';

/** The package formats a spelling can belong to. */
export type ClassFormat = 2 | 3 | 6 | 8;

/** One class: its canonical name and the way each format writes it. */
export interface ClassIdEntry {
  /** The canonical name: the 2014 (format 8) moniker, e.g. `Microsoft.DerivedColumn`. */
  readonly canonical: string;
  readonly kind: ClassKind;
  /** What users call it (`Derived Column`). */
  readonly friendlyName: string;
  /**
   * Spellings per format; the first one of each list is the one OpenDTS writes. A `clr:` prefix marks a
   * .NET type name without version (`clr:Namespace.Type, Assembly`); it is written with the format's
   * assembly version and the Microsoft public key token and matched whatever version it carries.
   */
  readonly spellings: Readonly<Partial<Record<ClassFormat, readonly string[]>>>;
  /** Set when the spellings come from memory or inference rather than from a real package or the docs. */
  readonly unverified?: boolean;
}

const MS_TOKEN = '89845dcd8080cc91';
const ASSEMBLY_VERSION: Record<ClassFormat, string> = { 2: '9.0.242.0', 3: '10.0.0.0', 6: '11.0.0.0', 8: '12.0.0.0' };

/** A task class whose formats 2-6 write the assembly-qualified .NET type name and format 8 the moniker. */
function clrTask(moniker: string, friendlyName: string, clr: string, opts: { from?: ClassFormat; unverified?: boolean } = {}): ClassIdEntry {
  const from = opts.from ?? 2;
  const spellings: Partial<Record<ClassFormat, string[]>> = { 8: [moniker] };
  for (const f of [2, 3, 6] as const) if (f >= from) spellings[f] = [`clr:${clr}`];
  return { canonical: moniker, kind: 'executable', friendlyName, spellings, unverified: opts.unverified };
}

/**
 * A data flow component: its GUIDs (2005, 2008, 2012), the ProgID stem (`DTSTransform.DerivedColumn`,
 * suffixed `.1`/`.2`/`.3`) and the 2014 moniker.
 */
function component(
  moniker: string,
  friendlyName: string,
  progId: string | null,
  guids: { 2?: string; 3?: string; 6?: string },
  unverified?: boolean,
): ClassIdEntry {
  const spellings: Partial<Record<ClassFormat, string[]>> = { 8: [moniker] };
  const add = (f: ClassFormat, suffix: string): void => {
    const list: string[] = [];
    const guid = guids[f as 2 | 3 | 6];
    if (guid) list.push(guid);
    if (progId) list.push(`${progId}.${suffix}`);
    if (list.length > 0) spellings[f] = list;
  };
  add(2, '1');
  add(3, '2');
  add(6, '3');
  return { canonical: moniker, kind: 'component', friendlyName, spellings, unverified };
}

/** A managed (.NET) data flow component hosted by the managed component host; `clr` is its user component type. */
function managed(moniker: string, friendlyName: string, clr: string | null, unverified?: boolean): ClassIdEntry {
  const spellings: Partial<Record<ClassFormat, string[]>> = { 8: [moniker] };
  if (clr) for (const f of [2, 3, 6] as const) spellings[f] = [`clr:${clr}`];
  return { canonical: moniker, kind: 'component', friendlyName, spellings, unverified };
}

/** A versioned ProgID (`DTS.LogProviderTextFile.1` … `.3`) that became a moniker in 2014. */
function progIdClass(kind: ClassKind, moniker: string, friendlyName: string, stem: string, unverified?: boolean): ClassIdEntry {
  return {
    canonical: moniker,
    kind,
    friendlyName,
    spellings: { 2: [`${stem}.1`], 3: [`${stem}.2`], 6: [`${stem}.3`], 8: [moniker] },
    unverified,
  };
}

/** The table. Sources: the corpus (each GUID identified by the component's name, description and contact info), ssis-semantics.md §5 and §6.3. */
export const CLASS_IDS: readonly ClassIdEntry[] = [
  // Executables: the package and the containers.
  {
    canonical: 'Microsoft.Package',
    kind: 'executable',
    friendlyName: 'Package',
    spellings: { 2: ['MSDTS.Package.1'], 3: ['SSIS.Package.2'], 6: ['SSIS.Package.3'], 8: ['Microsoft.Package'] },
  },
  {
    canonical: 'Microsoft.Pipeline',
    kind: 'executable',
    friendlyName: 'Data Flow Task',
    spellings: {
      2: ['DTS.Pipeline.1', 'DTS.Pipeline', '{C3BF9DC1-4715-4694-936F-D3CFDA9E42C5}'],
      3: ['SSIS.Pipeline.2', '{E3CFBEA8-1F48-40D8-91E1-2DEDC1EDDD56}'],
      6: ['SSIS.Pipeline.3', '{5918251B-2970-45A4-AB5F-01C3C588FE5A}'],
      8: ['Microsoft.Pipeline'],
    },
  },
  { canonical: 'STOCK:SEQUENCE', kind: 'executable', friendlyName: 'Sequence Container', spellings: { 2: ['STOCK:SEQUENCE'], 3: ['STOCK:SEQUENCE'], 6: ['STOCK:SEQUENCE'], 8: ['STOCK:SEQUENCE'] } },
  { canonical: 'STOCK:FORLOOP', kind: 'executable', friendlyName: 'For Loop Container', spellings: { 2: ['STOCK:FORLOOP'], 3: ['STOCK:FORLOOP'], 6: ['STOCK:FORLOOP'], 8: ['STOCK:FORLOOP'] } },
  { canonical: 'STOCK:FOREACHLOOP', kind: 'executable', friendlyName: 'Foreach Loop Container', spellings: { 2: ['STOCK:FOREACHLOOP'], 3: ['STOCK:FOREACHLOOP'], 6: ['STOCK:FOREACHLOOP'], 8: ['STOCK:FOREACHLOOP'] } },
  {
    canonical: 'Microsoft.ExecutePackageTask',
    kind: 'executable',
    friendlyName: 'Execute Package Task',
    spellings: { 2: ['SSIS.ExecutePackageTask.1'], 3: ['SSIS.ExecutePackageTask.2'], 6: ['SSIS.ExecutePackageTask.3'], 8: ['Microsoft.ExecutePackageTask'] },
  },
  // Tasks written as .NET type names before 2014.
  clrTask('Microsoft.ExecuteSQLTask', 'Execute SQL Task', 'Microsoft.SqlServer.Dts.Tasks.ExecuteSQLTask.ExecuteSQLTask, Microsoft.SqlServer.SQLTask'),
  clrTask('Microsoft.ScriptTask', 'Script Task', 'Microsoft.SqlServer.Dts.Tasks.ScriptTask.ScriptTask, Microsoft.SqlServer.ScriptTask'),
  clrTask('Microsoft.FileSystemTask', 'File System Task', 'Microsoft.SqlServer.Dts.Tasks.FileSystemTask.FileSystemTask, Microsoft.SqlServer.FileSystemTask'),
  clrTask('Microsoft.ExpressionTask', 'Expression Task', 'Microsoft.SqlServer.Dts.Tasks.ExpressionTask.ExpressionTask, Microsoft.SqlServer.ExpressionTask', { from: 6 }),
  clrTask('Microsoft.ExecuteProcess', 'Execute Process Task', 'Microsoft.SqlServer.Dts.Tasks.ExecuteProcess.ExecuteProcess, Microsoft.SqlServer.ExecProcTask'),
  clrTask('Microsoft.SendMailTask', 'Send Mail Task', 'Microsoft.SqlServer.Dts.Tasks.SendMailTask.SendMailTask, Microsoft.SqlServer.SendMailTask'),
  clrTask('Microsoft.BulkInsertTask', 'Bulk Insert Task', 'Microsoft.SqlServer.Dts.Tasks.BulkInsertTask.BulkInsertTask, Microsoft.SqlServer.BulkInsertTask', { unverified: true }),
  clrTask('Microsoft.FtpTask', 'FTP Task', 'Microsoft.SqlServer.Dts.Tasks.FtpTask.FtpTask, Microsoft.SqlServer.FtpTask'),
  clrTask('Microsoft.XMLTask', 'XML Task', 'Microsoft.SqlServer.Dts.Tasks.XMLTask.XMLTask, Microsoft.SqlServer.XMLTask'),
  clrTask('Microsoft.WebServiceTask', 'Web Service Task', 'Microsoft.SqlServer.Dts.Tasks.WebServiceTask.WebServiceTask, Microsoft.SqlServer.WebServiceTask'),
  clrTask('Microsoft.WmiDataReaderTask', 'WMI Data Reader Task', 'Microsoft.SqlServer.Dts.Tasks.WmiDataReaderTask.WmiDataReaderTask, Microsoft.SqlServer.WMIDRTask'),
  clrTask('Microsoft.WmiEventWatcherTask', 'WMI Event Watcher Task', 'Microsoft.SqlServer.Dts.Tasks.WmiEventWatcherTask.WmiEventWatcherTask, Microsoft.SqlServer.WMIEWTask'),
  clrTask('Microsoft.MessageQueueTask', 'Message Queue Task', 'Microsoft.SqlServer.Dts.Tasks.MessageQueueTask.MessageQueueTask, Microsoft.SqlServer.MSMQTask', { unverified: true }),
  clrTask('Microsoft.DataProfilingTask', 'Data Profiling Task', 'Microsoft.SqlServer.Dts.Tasks.DataProfilingTask.DataProfilingTask, Microsoft.SqlServer.DataProfilingTask', { from: 3 }),
  clrTask('Microsoft.DMQueryTask', 'Data Mining Query Task', 'Microsoft.SqlServer.Dts.Tasks.DMQueryTask.DMQueryTask, Microsoft.SqlServer.DMQueryTask'),
  clrTask('Microsoft.ASExecuteDDLTask', 'Analysis Services Execute DDL Task', 'Microsoft.DataTransformationServices.Tasks.DTSProcessingTask.ASExecuteDDLTask, Microsoft.SqlServer.ASTasks'),
  clrTask('Microsoft.DTSProcessingTask', 'Analysis Services Processing Task', 'Microsoft.DataTransformationServices.Tasks.DTSProcessingTask.DTSProcessingTask, Microsoft.SqlServer.ASTasks', { unverified: true }),
  clrTask('Microsoft.DbMaintenanceBackupTask', 'Back Up Database Task', 'Microsoft.SqlServer.Management.DatabaseMaintenance.DbMaintenanceBackupTask, Microsoft.SqlServer.MaintenancePlanTasks'),
  clrTask('Microsoft.DbMaintenanceTSQLExecuteTask', 'Execute T-SQL Statement Task', 'Microsoft.SqlServer.Management.DatabaseMaintenance.DbMaintenanceTSQLExecuteTask, Microsoft.SqlServer.MaintenancePlanTasks', { unverified: true }),
  clrTask('Microsoft.TransferSqlServerObjectsTask', 'Transfer SQL Server Objects Task', 'Microsoft.SqlServer.Dts.Tasks.TransferSqlServerObjectsTask.TransferSqlServerObjectsTask, Microsoft.SqlServer.TransferSqlServerObjectsTask', { unverified: true }),

  // Data flow components (GUIDs from the corpus; 2012 GUIDs also listed in ssis-semantics.md §6.3).
  component('Microsoft.OLEDBSource', 'OLE DB Source', 'DTSAdapter.OLEDBSource', { 2: '{2C0A8BE5-1EDC-4353-A0EF-B778599C65A0}', 3: '{BCEFE59B-6819-47F7-A125-63753B33ABB7}', 6: '{165A526D-D5DE-47FF-96A6-F8274C19826B}' }),
  component('Microsoft.OLEDBDestination', 'OLE DB Destination', 'DTSAdapter.OLEDBDestination', { 2: '{E2568105-9550-4F71-A638-B7FE42E66922}', 3: '{5A0B62E8-D91D-49F5-94A5-7BE58DE508F0}', 6: '{4ADA7EAA-136C-4215-8098-D7A7C27FC0D1}' }),
  component('Microsoft.FlatFileSource', 'Flat File Source', 'DTSAdapter.FlatFileSource', { 3: '{5ACD952A-F16A-41D8-A681-713640837664}', 6: '{D23FD76B-F51D-420F-BBCB-19CBF6AC1AB4}' }),
  component('Microsoft.FlatFileDestination', 'Flat File Destination', 'DTSAdapter.FlatFileDestination', { 2: '{A1DF9F6D-8EE4-4EF0-BB2E-D526130D7A7B}', 3: '{D658C424-8CF0-441C-B3C4-955E183B7FBA}', 6: '{8DA75FED-1B7C-407D-B2AD-2B24209CCCA4}' }),
  component('Microsoft.ExcelSource', 'Excel Source', 'DTSAdapter.ExcelSource', { 2: '{B551FCA8-23BD-4719-896F-D8F352A5283C}', 3: '{A4B1E1C8-17F3-46C8-AAD0-34F0C6FE42DE}' }),
  component('Microsoft.ExcelDestination', 'Excel Destination', 'DTSAdapter.ExcelDestination', { 2: '{4963CAED-CB38-4146-96F0-5910342FF3B9}', 3: '{C9269E28-EBDE-4DED-91EB-0BF42842F9F4}' }),
  component('Microsoft.RawSource', 'Raw File Source', 'DTSAdapter.RawSource', {}, true),
  component('Microsoft.RawDestination', 'Raw File Destination', 'DTSAdapter.RawDestination', {}, true),
  component('Microsoft.RecordsetDestination', 'Recordset Destination', 'DTSAdapter.RecordsetDestination', { 6: '{C457FD7E-CE98-4C4B-AEFE-F3AE0044F181}' }),
  component('Microsoft.DerivedColumn', 'Derived Column', 'DTSTransform.DerivedColumn', { 2: '{9CF90BF0-5BCC-4C63-B91D-1F322DC12C26}', 3: '{2932025B-AB99-40F6-B5B8-783A73F80E24}', 6: '{49928E82-9C4E-49F0-AABE-3812B82707EC}' }),
  component('Microsoft.ConditionalSplit', 'Conditional Split', 'DTSTransform.ConditionalSplit', { 3: '{3AE878C6-0D6C-4F48-8128-40E00E9C1B7D}', 6: '{7F88F654-4E20-4D14-84F4-AF9C925D3087}' }),
  component('Microsoft.DataConvert', 'Data Conversion', 'DTSTransform.DataConvert', { 6: '{62B1106C-7DB8-4EC8-ADD6-4C664DFFC54A}' }),
  component('Microsoft.Lookup', 'Lookup', 'DTSTransform.Lookup', { 3: '{27648839-180F-45E6-838D-AFF53DF682D2}', 6: '{671046B0-AA63-4C9F-90E4-C06E0B710CE3}' }),
  component('Microsoft.Aggregate', 'Aggregate', 'DTSTransform.Aggregate', { 3: '{9ABE8DF3-0052-42DB-8B18-2089E1D1D1B7}', 6: '{5B201335-B360-485C-BB93-75C34E09B3D3}' }),
  component('Microsoft.Multicast', 'Multicast', 'DTSTransform.Multicast', { 3: '{1ACA4459-ACE0-496F-814A-8611F9C27E23}', 6: '{EC139FBC-694E-490B-8EA7-35690FB0F445}' }),
  component('Microsoft.RowCount', 'Row Count', 'DTSTransform.RowCount', { 6: '{E2697D8C-70DA-42B2-8208-A19CE3A9FE41}' }),
  component('Microsoft.UnionAll', 'Union All', 'DTSTransform.UnionAll', { 3: '{4D9F9B7C-84D9-4335-ADB0-2542A7E35422}', 6: '{B594E9A8-4351-4939-891C-CFE1AB93E925}' }),
  component('Microsoft.Sort', 'Sort', 'DTSTransform.Sort', { 3: '{07127A7C-164B-422A-AD1F-24BE39B4DB38}', 6: '{5B1A3FF5-D366-4D75-AD1F-F19A36FCBEDB}' }),
  component('Microsoft.MergeJoin', 'Merge Join', 'DTSTransform.MergeJoin', { 3: '{A18A4D58-7C7A-4448-8B98-AE2CEFE81B4C}', 6: '{14D43A4F-D7BD-489D-829E-6DE35750CFE4}' }),
  component('Microsoft.Merge', 'Merge', 'DTSTransform.Merge', {}, true),
  component('Microsoft.OLEDBCommand', 'OLE DB Command', 'DTSTransform.OLEDBCommand', { 3: '{8E61C8F6-C91D-43B6-97EB-3423C06571CC}', 6: '{93FFEC66-CBC8-4C7F-9C6A-CB1C17A7567D}' }),
  component('Microsoft.Lineage', 'Audit', 'DTSTransform.Lineage', { 6: '{4FCE8297-9C65-40A9-9D60-00C5CC6BC283}' }),
  component('Microsoft.CharacterMap', 'Character Map', 'DTSTransform.CharacterMap', { 6: '{C86C867A-7D40-486A-8734-F0B6943A9DD4}' }),
  component('Microsoft.CopyMap', 'Copy Column', 'DTSTransform.CopyMap', {}, true),
  component('Microsoft.Pivot', 'Pivot', 'DTSTransform.Pivot', { 6: '{AEB2AFAE-2201-48B1-B290-42BB8C9149DD}' }),
  component('Microsoft.UnPivot', 'Unpivot', 'DTSTransform.UnPivot', {}, true),
  component('Microsoft.SCD', 'Slowly Changing Dimension', 'DTSTransform.SCD', { 6: '{25BBB0C5-369B-4303-B3DF-D0DC741DEE58}' }),
  component('Microsoft.FuzzyLookup', 'Fuzzy Lookup', 'DTSTransform.BestMatch', { 3: '{5056651F-F227-4978-94DF-53CDF9E8CCB6}' }, true),
  component('Microsoft.FuzzyGrouping', 'Fuzzy Grouping', 'DTSTransform.Grouping', {}, true),
  component('Microsoft.PctSampling', 'Percentage Sampling', 'DTSTransform.PctSampling', {}, true),
  component('Microsoft.RowSampling', 'Row Sampling', 'DTSTransform.RowSampling', {}, true),
  component('Microsoft.TermExtraction', 'Term Extraction', 'DTSTransform.TermExtraction', {}, true),
  component('Microsoft.TermLookup', 'Term Lookup', 'DTSTransform.TermLookup', {}, true),
  component('Microsoft.Cache', 'Cache Transform', 'DTSTransform.Cache', {}, true),
  component('Microsoft.ManagedComponentHost', 'Managed component host', 'DTS.ManagedComponentWrapper', { 3: '{2E42D45B-F83C-400F-8D77-61DDE6A7DF29}', 6: '{874F7595-FB5F-40FF-96AF-FBFF8250E3EF}' }),
  // Managed components, identified by the host's UserComponentTypeName property.
  managed('Microsoft.DataReaderSourceAdapter', 'ADO.NET Source', 'Microsoft.SqlServer.Dts.Pipeline.DataReaderSourceAdapter, Microsoft.SqlServer.ADONETSrc'),
  managed('Microsoft.XmlSourceAdapter', 'XML Source', 'Microsoft.SqlServer.Dts.Pipeline.XmlSourceAdapter, Microsoft.SqlServer.XmlSrc'),
  managed('Microsoft.ScriptComponentHost', 'Script Component', 'Microsoft.SqlServer.Dts.Pipeline.ScriptComponentHost, Microsoft.SqlServer.TxScript'),
  managed('Microsoft.DataReaderDestinationAdapter', 'DataReader Destination', 'Microsoft.SqlServer.Dts.Pipeline.DataReaderDestinationAdapter, Microsoft.SqlServer.DataReaderDest', true),
  managed('Microsoft.ADONETDestination', 'ADO.NET Destination', 'Microsoft.SqlServer.Dts.Pipeline.ADONETDestination, Microsoft.SqlServer.ADONETDest', true),
  managed('Microsoft.OData', 'OData Source', null),

  // Connection managers: the same names in every format; ADO.NET carries a .NET type whose version changes.
  ...['OLEDB', 'FLATFILE', 'FILE', 'EXCEL', 'ODBC', 'ADO', 'SMTP', 'HTTP', 'FTP', 'WMI', 'MSMQ', 'CACHE', 'MULTIFILE', 'MULTIFLATFILE', 'SMOServer', 'SQLMOBILE', 'MSOLAP100'].map(
    (name): ClassIdEntry => ({ canonical: name, kind: 'connection', friendlyName: name, spellings: { 2: [name], 3: [name], 6: [name], 8: [name] } }),
  ),

  // Foreach enumerators.
  progIdClass('enumerator', 'Microsoft.ForEachFileEnumerator', 'Foreach File Enumerator', 'DTS.ForEachFileEnumerator'),
  {
    canonical: 'Microsoft.ForEachADOEnumerator',
    kind: 'enumerator',
    friendlyName: 'Foreach ADO Enumerator',
    spellings: {
      2: ['clr:Microsoft.SqlServer.Dts.Runtime.Enumerators.ADO.ForEachADOEnumerator, Microsoft.SqlServer.ForEachADOEnumerator'],
      3: ['clr:Microsoft.SqlServer.Dts.Runtime.Enumerators.ADO.ForEachADOEnumerator, Microsoft.SqlServer.ForEachADOEnumerator'],
      6: ['clr:Microsoft.SqlServer.Dts.Runtime.Enumerators.ADO.ForEachADOEnumerator, Microsoft.SqlServer.ForEachADOEnumerator'],
      8: ['Microsoft.ForEachADOEnumerator'],
    },
  },
  progIdClass('enumerator', 'Microsoft.ForEachItemEnumerator', 'Foreach Item Enumerator', 'DTS.ForEachItemEnumerator', true),
  progIdClass('enumerator', 'Microsoft.ForEachFromVarEnumerator', 'Foreach From Variable Enumerator', 'DTS.ForEachFromVarEnumerator', true),
  progIdClass('enumerator', 'Microsoft.ForEachNodeListEnumerator', 'Foreach NodeList Enumerator', 'DTS.ForEachNodeListEnumerator', true),
  progIdClass('enumerator', 'Microsoft.ForEachSMOEnumerator', 'Foreach SMO Enumerator', 'DTS.ForEachSMOEnumerator', true),
  progIdClass('enumerator', 'Microsoft.ForEachADONETSchemaRowsetEnumerator', 'Foreach ADO.NET Schema Rowset Enumerator', 'DTS.ForEachADONETSchemaRowsetEnumerator', true),

  // Log providers.
  progIdClass('logProvider', 'Microsoft.LogProviderSQLServer', 'SSIS log provider for SQL Server', 'DTS.LogProviderSQLServer'),
  progIdClass('logProvider', 'Microsoft.LogProviderTextFile', 'SSIS log provider for Text files', 'DTS.LogProviderTextFile'),
  progIdClass('logProvider', 'Microsoft.LogProviderXMLFile', 'SSIS log provider for XML files', 'DTS.LogProviderXMLFile', true),
  progIdClass('logProvider', 'Microsoft.LogProviderEventLog', 'SSIS log provider for Windows Event Log', 'DTS.LogProviderEventLog', true),
  progIdClass('logProvider', 'Microsoft.LogProviderSQLProfiler', 'SSIS log provider for SQL Server Profiler', 'DTS.LogProviderSQLProfiler', true),
];

/** Removes `, Version=…, Culture=…, PublicKeyToken=…` from an assembly-qualified .NET type name. */
export function stripAssemblyVersion(name: string): string {
  return name.replace(/,\s*Version=[^,]*(,\s*Culture=[^,]*)?(,\s*PublicKeyToken=[^,]*)?\s*$/i, '').trim();
}

function normalize(spelling: string): string {
  return (spelling.startsWith('clr:') ? spelling.slice(4) : stripAssemblyVersion(spelling)).toUpperCase();
}

const BY_SPELLING = new Map<string, ClassIdEntry>();
const BY_CANONICAL = new Map<string, ClassIdEntry>();
for (const entry of CLASS_IDS) {
  BY_CANONICAL.set(entry.canonical.toUpperCase(), entry);
  for (const list of Object.values(entry.spellings)) for (const s of list ?? []) BY_SPELLING.set(`${entry.kind}|${normalize(s)}`, entry);
  BY_SPELLING.set(`${entry.kind}|${entry.canonical.toUpperCase()}`, entry);
}

/** The table entry for a class ID in any spelling of any format (GUID, ProgID, .NET type, moniker), if known. */
export function lookupClassId(raw: string, kind: ClassKind): ClassIdEntry | undefined {
  return BY_SPELLING.get(`${kind}|${normalize(raw.trim())}`);
}

/** The canonical (2014 moniker) name of a class ID; an unknown (third-party) class keeps its spelling. */
export function canonicalClassId(raw: string, kind: ClassKind): string {
  if (kind === 'connection') return canonicalConnectionType(raw);
  return lookupClassId(raw, kind)?.canonical ?? raw;
}

/** The canonical connection manager type: `ADO.NET:System.Data.SqlClient.SqlConnection` (no assembly version), or the name as written. */
export function canonicalConnectionType(raw: string): string {
  return stripAssemblyVersion(raw.trim());
}

/** The table entry for a canonical name. */
export function classIdEntry(canonical: string): ClassIdEntry | undefined {
  return BY_CANONICAL.get(canonical.toUpperCase());
}

/**
 * How a package of `format` writes the class `canonical`. Unknown classes, and classes that did not exist
 * in that format, keep `fallback` (the spelling as read) when given, else the canonical name.
 */
export function classIdForFormat(canonical: string, format: ClassFormat, fallback?: string): string {
  const entry = classIdEntry(canonical);
  const first = entry?.spellings[format]?.[0];
  if (first === undefined) return fallback ?? canonical;
  if (first.startsWith('clr:')) {
    return `${first.slice(4)}, Version=${ASSEMBLY_VERSION[format]}, Culture=neutral, PublicKeyToken=${MS_TOKEN}`;
  }
  return first;
}
