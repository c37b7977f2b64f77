/** @module Writes a data flow built in code (and its flat file / database connections) as a package in the 2014 format (PackageFormatVersion 8), one Data Flow task. */
import { createHash } from 'node:crypto';
import { findPipelineType } from './column-types.ts';
import type { DataFlowConnection } from './context.ts';
import type { ComponentModel, DataFlowModel, InputColumnModel, OutputColumnModel } from './model.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#xD;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');

/** SSIS's escaping of delimiters in names (`_x000D_` for CR). */
function xmlName(s: string): string {
  return [...s].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)).join('');
}

/** A stable GUID made from a text (so the same flow gives the same package). */
function guid(seed: string): string {
  const h = createHash('md5').update(seed).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

function attrs(pairs: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}="${esc(String(v))}"`)
    .join(' ');
}

function properties(props: Readonly<Record<string, string>>, indent: string): string {
  const entries = Object.entries(props);
  if (entries.length === 0) return '';
  const body = entries
    .map(([name, value]) => `${indent}  <property ${attrs({ name, dataType: 'System.String', containsID: /#\{/.test(value) ? 'true' : undefined })}>${esc(value)}</property>`)
    .join('\n');
  return `${indent}<properties>\n${body}\n${indent}</properties>\n`;
}

function typeAttrs(c: { dataType: string; length?: number; precision?: number; scale?: number; codePage?: number }): Record<string, string | number | undefined> {
  const spelling = findPipelineType(c.dataType)?.dtsx ?? c.dataType;
  return {
    dataType: spelling,
    length: c.length || undefined,
    precision: c.precision || undefined,
    scale: c.scale || undefined,
    codePage: c.codePage || (spelling === 'str' || spelling === 'text' ? 1252 : undefined),
  };
}

function outputColumn(c: OutputColumnModel, i: string): string {
  const a = attrs({
    refId: c.refId,
    ...typeAttrs(c),
    errorRowDisposition: c.errorRowDisposition,
    truncationRowDisposition: c.truncationRowDisposition,
    externalMetadataColumnId: c.externalMetadataColumnId,
    lineageId: c.lineageId,
    name: c.name,
    sortKeyPosition: c.sortKeyPosition || undefined,
    specialFlags: c.specialFlags || (c.name === 'ErrorCode' ? 1 : c.name === 'ErrorColumn' ? 2 : undefined),
  });
  const props = properties(c.properties, `${i}  `);
  return props ? `${i}<outputColumn ${a}>\n${props}${i}</outputColumn>` : `${i}<outputColumn ${a} />`;
}

function inputColumn(c: InputColumnModel, i: string): string {
  const a = attrs({
    refId: c.refId,
    cachedDataType: findPipelineType(c.dataType)?.dtsx ?? c.dataType,
    cachedLength: c.length || undefined,
    cachedPrecision: c.precision || undefined,
    cachedScale: c.scale || undefined,
    cachedCodepage: c.codePage || undefined,
    cachedName: c.name,
    externalMetadataColumnId: c.externalMetadataColumnId,
    lineageId: c.lineageId,
    usageType: c.usageType === 'readWrite' ? 'readWrite' : undefined,
    errorRowDisposition: c.errorRowDisposition,
    truncationRowDisposition: c.truncationRowDisposition,
  });
  const props = properties(c.properties, `${i}  `);
  return props ? `${i}<inputColumn ${a}>\n${props}${i}</inputColumn>` : `${i}<inputColumn ${a} />`;
}

function externals(list: readonly { refId: string; name: string; dataType: string; length?: number; precision?: number; scale?: number; codePage?: number }[], i: string): string {
  if (list.length === 0) return '';
  return `${i}<externalMetadataColumns isUsed="True">\n${list.map((x) => `${i}  <externalMetadataColumn ${attrs({ refId: x.refId, ...typeAttrs(x), name: x.name })} />`).join('\n')}\n${i}</externalMetadataColumns>\n`;
}

function component(c: ComponentModel, connections: readonly DataFlowConnection[]): string {
  const i = '              ';
  let out = `${i}<component ${attrs({ refId: c.refId, componentClassID: c.classId, name: c.name, usesDispositions: 'true', version: 1 })}>\n`;
  out += properties(c.properties, `${i}  `);
  if (c.connections.length > 0) {
    out += `${i}  <connections>\n`;
    for (const k of c.connections) {
      const cm = connections.find((x) => x.name === k.connectionManagerRefId || x.refId === k.connectionManagerRefId);
      const ref = cm?.refId ?? k.connectionManagerRefId;
      out += `${i}    <connection ${attrs({ refId: `${c.refId}.Connections[${k.name}]`, connectionManagerID: ref, connectionManagerRefId: ref, name: k.name })} />\n`;
    }
    out += `${i}  </connections>\n`;
  }
  if (c.inputs.length > 0) {
    out += `${i}  <inputs>\n`;
    for (const inp of c.inputs) {
      out += `${i}    <input ${attrs({ refId: inp.refId, name: inp.name })}>\n`;
      out += properties(inp.properties ?? {}, `${i}      `);
      if (inp.columns.length > 0) out += `${i}      <inputColumns>\n${inp.columns.map((col) => inputColumn(col, `${i}        `)).join('\n')}\n${i}      </inputColumns>\n`;
      out += externals(inp.externalColumns, `${i}      `);
      out += `${i}    </input>\n`;
    }
    out += `${i}  </inputs>\n`;
  }
  if (c.outputs.length > 0) {
    out += `${i}  <outputs>\n`;
    for (const o of c.outputs) {
      out += `${i}    <output ${attrs({ refId: o.refId, exclusionGroup: o.exclusionGroup || undefined, isErrorOut: o.isErrorOut ? 'true' : undefined, isSorted: o.isSorted ? 'true' : undefined, name: o.name, synchronousInputId: o.synchronousInputRefId })}>\n`;
      out += properties(o.properties, `${i}      `);
      if (o.columns.length > 0) out += `${i}      <outputColumns>\n${o.columns.map((col) => outputColumn(col, `${i}        `)).join('\n')}\n${i}      </outputColumns>\n`;
      out += externals(o.externalColumns, `${i}      `);
      out += `${i}    </output>\n`;
    }
    out += `${i}  </outputs>\n`;
  }
  return `${out}${i}</component>`;
}

function connectionManager(c: DataFlowConnection): string {
  const i = '    ';
  let inner: string;
  if (c.flatFile) {
    const f = c.flatFile;
    const cols = f.columns
      .map((col) => `${i}      <DTS:FlatFileColumn ${attrs({ 'DTS:ColumnType': col.columnType, 'DTS:ColumnDelimiter': xmlName(col.columnDelimiter), 'DTS:ColumnWidth': col.columnWidth || undefined, 'DTS:MaximumWidth': col.maximumWidth, 'DTS:DataType': col.dataType, 'DTS:DataPrecision': col.dataPrecision || undefined, 'DTS:DataScale': col.dataScale || undefined, 'DTS:TextQualified': col.textQualified ? 'True' : 'False', 'DTS:ObjectName': col.name, 'DTS:DTSID': guid(c.name + col.name) })} />`)
      .join('\n');
    inner = `${i}  <DTS:ObjectData>\n${i}    <DTS:ConnectionManager ${attrs({
      'DTS:Format': f.format,
      'DTS:LocaleID': f.localeId || 1033,
      'DTS:Unicode': f.unicode ? 'True' : undefined,
      'DTS:HeaderRowsToSkip': f.headerRowsToSkip || undefined,
      'DTS:HeaderRowDelimiter': xmlName(f.headerRowDelimiter),
      'DTS:ColumnNamesInFirstDataRow': f.columnNamesInFirstDataRow ? 'True' : undefined,
      'DTS:DataRowsToSkip': f.dataRowsToSkip || undefined,
      'DTS:TextQualifier': xmlName(f.textQualifier),
      'DTS:CodePage': f.unicode ? undefined : f.codePage,
      'DTS:ConnectionString': c.connectionString,
    })}>\n${i}      <DTS:FlatFileColumns>\n${cols}\n${i}      </DTS:FlatFileColumns>\n${i}    </DTS:ConnectionManager>\n${i}  </DTS:ObjectData>\n`;
  } else {
    inner = `${i}  <DTS:ObjectData>\n${i}    <DTS:ConnectionManager ${attrs({ 'DTS:ConnectionString': c.connectionString })} />\n${i}  </DTS:ObjectData>\n`;
  }
  return `${i}<DTS:ConnectionManager ${attrs({ 'DTS:refId': c.refId, 'DTS:CreationName': c.creationName, 'DTS:DTSID': guid(c.refId), 'DTS:ObjectName': c.name })}>\n${inner}${i}</DTS:ConnectionManager>`;
}

/** The package text (2014 format) with one Data Flow task running `model`; variables are declared as `User::` strings/ints. */
export function dataFlowPackage(name: string, model: DataFlowModel, connections: readonly DataFlowConnection[], variables: Record<string, string | number> = {}): string {
  const task = model.refId;
  const vars = Object.entries(variables)
    .map(([qualified, value]) => {
      const [ns, n] = qualified.includes('::') ? qualified.split('::') : ['User', qualified];
      const code = typeof value === 'number' ? 3 : 8;
      return `    <DTS:Variable ${attrs({ 'DTS:CreationName': '', 'DTS:DTSID': guid(qualified), 'DTS:Namespace': ns, 'DTS:ObjectName': n })}>\n      <DTS:VariableValue DTS:DataType="${code}">${esc(String(value))}</DTS:VariableValue>\n    </DTS:Variable>`;
    })
    .join('\n');
  const p = model.properties ?? {};
  const pipelineAttrs = attrs({ version: 1, defaultBufferMaxRows: p['DefaultBufferMaxRows'], defaultBufferSize: p['DefaultBufferSize'] });
  const paths = model.paths.map((x) => `            <path ${attrs({ refId: x.refId, endId: x.endRefId, name: x.name, startId: x.startRefId })} />`).join('\n');
  return `<?xml version="1.0"?>
<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"
  ${attrs({ 'DTS:refId': 'Package', 'DTS:CreationName': 'Microsoft.Package', 'DTS:DTSID': guid(name), 'DTS:ExecutableType': 'Microsoft.Package', 'DTS:LocaleID': 1033, 'DTS:ObjectName': name, 'DTS:PackageType': 5, 'DTS:ProtectionLevel': 0, 'DTS:VersionGUID': guid(`${name}:version`) })}>
  <DTS:Property DTS:Name="PackageFormatVersion">8</DTS:Property>
  <DTS:ConnectionManagers>
${connections.map(connectionManager).join('\n')}
  </DTS:ConnectionManagers>
  <DTS:Variables>
${vars}
  </DTS:Variables>
  <DTS:Executables>
    <DTS:Executable
      ${attrs({ 'DTS:refId': task, 'DTS:CreationName': 'Microsoft.Pipeline', 'DTS:DTSID': guid(task), 'DTS:ExecutableType': 'Microsoft.Pipeline', 'DTS:LocaleID': -1, 'DTS:ObjectName': model.name })}>
      <DTS:Variables />
      <DTS:ObjectData>
        <pipeline ${pipelineAttrs}>
          <components>
${model.components.map((c) => component(c, connections)).join('\n')}
          </components>
          <paths>
${paths}
          </paths>
        </pipeline>
      </DTS:ObjectData>
    </DTS:Executable>
  </DTS:Executables>
</DTS:Executable>
`;
}
