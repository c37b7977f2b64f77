/** @module The built-in data flow components, registered by canonical class ID and aliases. */
import type { ComponentFactory } from '../dataflow/component.ts';
import { aggregate } from './aggregate/index.ts';
import { audit } from './audit/index.ts';
import { cacheTransform } from './cache-transform/index.ts';
import { characterMap } from './character-map/index.ts';
import { conditionalSplit } from './conditional-split/index.ts';
import { copyColumn } from './copy-column/index.ts';
import { dataConversion } from './data-conversion/index.ts';
import { derivedColumn } from './derived-column/index.ts';
import { excelDestination, excelSource } from './excel/index.ts';
import { flatFileDestination } from './flat-file-destination/index.ts';
import { flatFileSource } from './flat-file-source/index.ts';
import { exportColumn, importColumn } from './import-export-column/index.ts';
import { lookup } from './lookup/index.ts';
import { merge } from './merge/index.ts';
import { mergeJoin } from './merge-join/index.ts';
import { multicast } from './multicast/index.ts';
import { adoNetDestination, odbcDestination, oledbDestination } from './oledb-destination/index.ts';
import { adoNetSource, odbcSource, oledbSource } from './oledb-source/index.ts';
import { oledbCommand } from './oledb-command/index.ts';
import { pivot } from './pivot/index.ts';
import { rawFileDestination, rawFileSource } from './raw-file/index.ts';
import { dataReaderDestination, recordsetDestination } from './recordset-destination/index.ts';
import { rowCount } from './row-count/index.ts';
import { percentageSampling, rowSampling } from './sampling/index.ts';
import { slowlyChangingDimension } from './scd/index.ts';
import { scriptComponent } from './script-component/index.ts';
import { sort } from './sort/index.ts';
import { unionAll } from './union-all/index.ts';
import { unpivot } from './unpivot/index.ts';
import { xmlSource } from './xml-source/index.ts';

/** Every built-in component plug-in. */
export const builtinComponents: readonly ComponentFactory[] = [
  flatFileSource, flatFileDestination, multicast, unionAll, rowCount, copyColumn, derivedColumn, conditionalSplit, dataConversion, sort, aggregate, oledbSource, adoNetSource, oledbDestination, adoNetDestination, lookup, mergeJoin, merge,
  characterMap, audit, percentageSampling, rowSampling, cacheTransform, recordsetDestination, dataReaderDestination, unpivot, pivot, oledbCommand, scriptComponent,
  rawFileSource, rawFileDestination, excelSource, excelDestination, odbcSource, odbcDestination, xmlSource, slowlyChangingDimension, importColumn, exportColumn,
];
