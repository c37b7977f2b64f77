// Builds demo/demo.dtsx with the package API: `node --import tsx demo/build-demo.ts`. `opendts demo` runs it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPackage, sequentialIds, addVariable, addConnectionManager, addExecuteSqlTask, addExpressionTask, addForLoop,
  addPrecedenceConstraint, addDataFlowTask, addComponent, addPath, writePackage,
} from '../src/format/index.ts';

/** The demo package: create a table, load a CSV through a data flow, count the rows, loop with an Expression task, log a summary. */
export function buildDemo() {
  const pkg = createPackage({ name: 'Demo', format: 8, ids: sequentialIds(100), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'demo', description: 'The OpenDTS quick start package' });
  addConnectionManager(pkg, { name: 'DemoDb', type: 'OLEDB', connectionString: 'Data Source=localhost;Initial Catalog=Demo;Provider=SQLNCLI11.1;Integrated Security=SSPI;' });
  addConnectionManager(pkg, {
    name: 'Orders', type: 'FLATFILE', connectionString: 'orders.csv',
    flatFile: { columnNamesInFirstDataRow: true, columns: [{ name: 'id', dataType: 3 }, { name: 'customer', dataType: 129, maximumWidth: 50 }, { name: 'country', dataType: 129, maximumWidth: 2 }, { name: 'amount', dataType: 5 }] },
  });
  addVariable(pkg, { name: 'Rows', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'I', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'Total', dataType: 3, value: '0' });
  const create = addExecuteSqlTask(pkg, {
    name: 'Create tables', connection: 'DemoDb',
    sql: 'DROP TABLE IF EXISTS orders;\nCREATE TABLE orders (id INT, customer VARCHAR(50), country VARCHAR(2), amount FLOAT, amount_with_tax FLOAT);\nCREATE TABLE IF NOT EXISTS demo_log (rows_loaded INT, loop_total INT)',
  });
  const load = addDataFlowTask(pkg, { name: 'Load orders' });
  const src = addComponent(load, {
    name: 'Orders CSV', classId: 'Microsoft.FlatFileSource', connections: [{ name: 'FlatFileConnection', connectionManager: 'Orders' }],
    outputs: [
      { name: 'Flat File Source Output', columns: [{ name: 'id', dataType: 'i4', externalColumn: 'id' }, { name: 'customer', dataType: 'str', length: 50, codePage: 1252, externalColumn: 'customer' }, { name: 'country', dataType: 'str', length: 2, codePage: 1252, externalColumn: 'country' }, { name: 'amount', dataType: 'r8', externalColumn: 'amount' }],
        externalColumns: [{ name: 'id', dataType: 'i4' }, { name: 'customer', dataType: 'str', length: 50, codePage: 1252 }, { name: 'country', dataType: 'str', length: 2, codePage: 1252 }, { name: 'amount', dataType: 'r8' }] },
      { name: 'Flat File Source Error Output', isErrorOut: true },
    ],
  });
  const tax = addComponent(load, {
    name: 'Add tax', classId: 'Microsoft.DerivedColumn', inputs: [{ name: 'Derived Column Input' }],
    outputs: [{ name: 'Derived Column Output', synchronousInput: 'Derived Column Input', exclusionGroup: 1, columns: [{ name: 'amount_with_tax', dataType: 'r8', properties: { Expression: { value: 'amount * 1.2', containsId: true }, FriendlyExpression: { value: 'amount * 1.2', expressionType: 'Notify' } } }] }],
  });
  addPath(load, src.outputs[0]!, tax.inputs[0]!, { columns: 'all' });
  const dest = addComponent(load, {
    name: 'Orders table', classId: 'Microsoft.OLEDBDestination', connections: [{ name: 'OleDbConnection', connectionManager: 'DemoDb' }],
    properties: { OpenRowset: 'orders', AccessMode: 3, FastLoadMaxInsertCommitSize: 0 },
    inputs: [{ name: 'OLE DB Destination Input', columns: [...src.outputs[0]!.columns, ...tax.outputs[0]!.columns].map((c) => ({ lineage: c.refId, externalColumn: c.name })), externalColumns: [{ name: 'id', dataType: 'i4' }, { name: 'customer', dataType: 'str', length: 50, codePage: 1252 }, { name: 'country', dataType: 'str', length: 2, codePage: 1252 }, { name: 'amount', dataType: 'r8' }, { name: 'amount_with_tax', dataType: 'r8' }] }],
  });
  addPath(load, tax.outputs[0]!, dest.inputs[0]!);
  const count = addExecuteSqlTask(pkg, { name: 'Count rows', connection: 'DemoDb', sql: 'SELECT COUNT(*) FROM orders', resultSet: 'SingleRow', resultBindings: [{ resultName: '0', variable: 'User::Rows' }] });
  const loop = addForLoop(pkg, { name: 'Sum 1 to 10', init: '@[User::I] = 1', eval: '@[User::I] <= 10', assign: '@[User::I] = @[User::I] + 1' });
  addExpressionTask(loop, { name: 'Add I', expression: '@[User::Total] = @[User::Total] + @[User::I]' });
  const log = addExecuteSqlTask(pkg, { name: 'Log summary', connection: 'DemoDb', sql: 'INSERT INTO demo_log (rows_loaded, loop_total) VALUES (?, ?)', parameterBindings: [{ name: '0', variable: 'User::Rows' }, { name: '1', variable: 'User::Total' }] });
  addPrecedenceConstraint(pkg, create, load);
  addPrecedenceConstraint(pkg, load, count);
  addPrecedenceConstraint(pkg, count, loop);
  addPrecedenceConstraint(pkg, loop, log);
  return pkg;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(join(import.meta.dirname, 'demo.dtsx'), writePackage(buildDemo(), { format: 8 }));
}
