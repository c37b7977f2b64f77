// Golden data flows: each builds a model in code with flat file connections (relative paths), its input files and the files it must produce.
import { errorOutputSpec, flatFileConnection, FlowBuilder, type DataFlowConnection, type DataFlowModel } from '../../src/dataflow/index.ts';
import type { ToolYear } from '../../src/versions/index.ts';

/** One golden flow. */
export interface GoldenFlow {
  readonly name: string;
  readonly inputs: Record<string, string>;
  readonly model: DataFlowModel;
  readonly connections: readonly DataFlowConnection[];
  readonly variables?: Record<string, string | number>;
  /** Expected output files by tool version (the same for all when the function ignores it). */
  expected(year: ToolYear): Record<string, string>;
}

const src = (name: string, conn: string, columns: { name: string; dataType: string; length?: number }[]) => ({
  name,
  classId: 'Microsoft.FlatFileSource',
  connections: { FlatFileConnection: conn },
  outputs: [
    { name: 'Flat File Source Output', columns: columns.map((c) => ({ ...c, external: c.name })) },
    { ...errorOutputSpec('Flat File Source Error Output'), syncInput: undefined, columns: [{ name: 'Flat File Source Error Output Column', dataType: 'text' }, { name: 'ErrorCode', dataType: 'i4' }, { name: 'ErrorColumn', dataType: 'i4' }] },
  ],
});
const dst = (name: string, conn: string, columns: string[]) => ({
  name,
  classId: 'Microsoft.FlatFileDestination',
  connections: { FlatFileConnection: conn },
  inputs: [{ name: 'Flat File Destination Input', columns: columns.map((c) => ({ name: c, external: c })) }],
});
const out = (name: string, file: string, columns: string[]) => flatFileConnection(name, file, columns.map((c) => ({ name: c })), { textQualifier: '<none>' });

/** Derived Column (with a redirected failing row) → Conditional Split → two destinations and an error file. */
const derivedSplit: GoldenFlow = {
  name: 'derived-column-conditional-split',
  inputs: { 'orders.csv': 'id,customer,amount,qty\r\n1, ann ,50,2\r\n2,bob,150,0\r\n3,cy,200,4\r\n' },
  connections: [
    flatFileConnection('Orders', 'orders.csv', [{ name: 'id', dataType: 'i4' }, { name: 'customer', dataType: 'str' }, { name: 'amount', dataType: 'r8' }, { name: 'qty', dataType: 'i4' }], { columnNamesInFirstDataRow: true }),
    out('Big', 'big.csv', ['id', 'who', 'unit']),
    out('Small', 'small.csv', ['id', 'who', 'unit']),
    out('Errors', 'errors.csv', ['id', 'qty', 'ErrorCode']),
  ],
  model: new FlowBuilder()
    .add(src('Orders', 'Orders', [{ name: 'id', dataType: 'i4' }, { name: 'customer', dataType: 'str', length: 20 }, { name: 'amount', dataType: 'r8' }, { name: 'qty', dataType: 'i4' }]))
    .add({
      name: 'Derive',
      classId: 'Microsoft.DerivedColumn',
      inputs: [{ name: 'Derived Column Input', columns: [{ name: 'customer' }, { name: 'amount' }, { name: 'qty' }] }],
      outputs: [
        { name: 'Derived Column Output', syncInput: 0, exclusionGroup: 1, columns: [
          { name: 'who', dataType: 'wstr', length: 20, properties: { Expression: 'UPPER(TRIM(customer))', FriendlyExpression: 'UPPER(TRIM(customer))' } },
          { name: 'unit', dataType: 'i4', errorRowDisposition: 'RedirectRow', properties: { Expression: '(DT_I4)amount / qty', FriendlyExpression: '(DT_I4)amount / qty' } },
        ] },
        { ...errorOutputSpec('Derived Column Error Output'), exclusionGroup: 1 },
      ],
    })
    .add({
      name: 'Split',
      classId: 'Microsoft.ConditionalSplit',
      inputs: [{ name: 'Conditional Split Input', columns: [{ name: 'amount' }] }],
      outputs: [
        { name: 'Big', syncInput: 0, exclusionGroup: 1, properties: { Expression: 'amount > 100', FriendlyExpression: 'amount > 100', EvaluationOrder: '0' } },
        { name: 'Default', syncInput: 0, exclusionGroup: 1, properties: { IsDefaultOut: 'true' } },
        { ...errorOutputSpec('Conditional Split Error Output'), exclusionGroup: 1 },
      ],
    })
    .add(dst('Big orders', 'Big', ['id', 'who', 'unit']))
    .add(dst('Small orders', 'Small', ['id', 'who', 'unit']))
    .add(dst('Failed rows', 'Errors', ['id', 'qty', 'ErrorCode']))
    .connect('Orders', 'Derive')
    .connect('Derive', 'Split')
    .connect('Derive', 'Failed rows', 'Derived Column Error Output')
    .connect('Split', 'Big orders', 'Big')
    .connect('Split', 'Small orders', 'Default')
    .build(),
  expected: () => ({ 'big.csv': '3,CY,50\r\n', 'small.csv': '1,ANN,25\r\n', 'errors.csv': '2,0,-1073442713\r\n' }),
};

/** Sort (duplicates removed) → Aggregate. */
const sortAggregate: GoldenFlow = {
  name: 'sort-aggregate',
  inputs: { 'sales.csv': 'fr,10\r\nde,5\r\nfr,10\r\nde,7\r\nit,1\r\n' },
  connections: [flatFileConnection('Sales', 'sales.csv', [{ name: 'country' }, { name: 'amount', dataType: 'i4' }]), out('Totals', 'totals.csv', ['country', 'n', 'total'])],
  model: (() => {
    const s = 'Package\\Data Flow Task\\Sales.Outputs[Flat File Source Output].Columns';
    const o = 'Package\\Data Flow Task\\Sort.Outputs[Sort Output].Columns';
    return new FlowBuilder()
      .add(src('Sales', 'Sales', [{ name: 'country', dataType: 'str', length: 10 }, { name: 'amount', dataType: 'i4' }]))
      .add({
        name: 'Sort',
        classId: 'Microsoft.Sort',
        properties: { EliminateDuplicates: 'true' },
        inputs: [{ name: 'Sort Input', columns: [{ name: 'country', properties: { NewSortKeyPosition: '1' } }, { name: 'amount', properties: { NewSortKeyPosition: '2' } }] }],
        outputs: [{ name: 'Sort Output', isSorted: true, columns: [
          { name: 'country', dataType: 'str', length: 10, sortKeyPosition: 1, properties: { SortColumnId: `#{${s}[country]}` } },
          { name: 'amount', dataType: 'i4', sortKeyPosition: 2, properties: { SortColumnId: `#{${s}[amount]}` } },
        ] }],
      })
      .add({
        name: 'Aggregate',
        classId: 'Microsoft.Aggregate',
        inputs: [{ name: 'Aggregate Input', columns: '*' }],
        outputs: [{ name: 'Aggregate Output', columns: [
          { name: 'country', dataType: 'str', length: 10, properties: { AggregationType: '0', AggregationColumnId: `#{${o}[country]}` } },
          { name: 'n', dataType: 'ui8', properties: { AggregationType: '2' } },
          { name: 'total', dataType: 'i8', properties: { AggregationType: '4', AggregationColumnId: `#{${o}[amount]}` } },
        ] }],
      })
      .add({
        name: 'Sort totals',
        classId: 'Microsoft.Sort',
        inputs: [{ name: 'Sort Input', columns: [{ name: 'country', properties: { NewSortKeyPosition: '1' } }, { name: 'n' }, { name: 'total' }] }],
        outputs: [{ name: 'Sort Output', columns: ['country', 'n', 'total'].map((c) => ({ name: c, dataType: c === 'country' ? 'str' : c === 'n' ? 'ui8' : 'i8', length: c === 'country' ? 10 : undefined, properties: { SortColumnId: `#{Package\\Data Flow Task\\Aggregate.Outputs[Aggregate Output].Columns[${c}]}` } })) }],
      })
      .add(dst('Write totals', 'Totals', ['country', 'n', 'total']))
      .connect('Sales', 'Sort')
      .connect('Sort', 'Aggregate')
      .connect('Aggregate', 'Sort totals')
      .connect('Sort totals', 'Write totals')
      .build();
  })(),
  expected: () => ({ 'totals.csv': 'de,2,12\r\nfr,1,10\r\nit,1,1\r\n' }),
};

/** Multicast → Row Count + Data Conversion → Union All; short rows follow each version's parsing rules. */
const unionCount: GoldenFlow = {
  name: 'multicast-union-all-row-count',
  inputs: { 'in.csv': '1,a,x\r\n2,b\r\n3,c,z\r\n' },
  variables: { 'User::Rows': 0 },
  connections: [flatFileConnection('In', 'in.csv', [{ name: 'n', dataType: 'i4' }, { name: 'a' }, { name: 'b' }]), out('All', 'all.csv', ['n', 'a', 'b'])],
  model: (() => {
    const u = 'Package\\Data Flow Task\\Union.Outputs[Union All Output 1].Columns';
    const lin = (c: string) => ({ OutputColumnLineageID: `#{${u}[${c}]}` });
    return new FlowBuilder()
      .add(src('In', 'In', [{ name: 'n', dataType: 'i4' }, { name: 'a', dataType: 'str', length: 10 }, { name: 'b', dataType: 'str', length: 10 }]))
      .add({ name: 'Copy', classId: 'Microsoft.Multicast', inputs: [{ name: 'Multicast Input 1' }], outputs: [{ name: 'Multicast Output 1', syncInput: 0 }, { name: 'Multicast Output 2', syncInput: 0 }] })
      .add({ name: 'Count', classId: 'Microsoft.RowCount', properties: { VariableName: 'User::Rows' }, inputs: [{ name: 'Row Count Input 1' }], outputs: [{ name: 'Row Count Output 1', syncInput: 0 }] })
      .add({
        name: 'Union',
        classId: 'Microsoft.UnionAll',
        inputs: [
          { name: 'Union All Input 1', columns: [{ name: 'n', properties: lin('n') }, { name: 'a', properties: lin('a') }, { name: 'b', properties: lin('b') }] },
          { name: 'Union All Input 2', columns: [{ name: 'n', properties: lin('n') }, { name: 'a', properties: lin('a') }] },
        ],
        outputs: [{ name: 'Union All Output 1', columns: [{ name: 'n', dataType: 'i4' }, { name: 'a', dataType: 'str', length: 10 }, { name: 'b', dataType: 'str', length: 10 }] }],
      })
      .add({
        name: 'Sort',
        classId: 'Microsoft.Sort',
        inputs: [{ name: 'Sort Input', columns: [{ name: 'n', properties: { NewSortKeyPosition: '1' } }, { name: 'a', properties: { NewSortKeyPosition: '2' } }, { name: 'b', properties: { NewSortKeyPosition: '3' } }] }],
        outputs: [{ name: 'Sort Output', columns: ['n', 'a', 'b'].map((c) => ({ name: c, dataType: c === 'n' ? 'i4' : 'str', length: c === 'n' ? undefined : 10, properties: { SortColumnId: `#{${u}[${c}]}` } })) }],
      })
      .add(dst('Write', 'All', ['n', 'a', 'b']))
      .connect('In', 'Copy')
      .connect('Copy', 'Count', 'Multicast Output 1')
      .connect('Count', 'Union', 0, 0)
      .connect('Copy', 'Union', 'Multicast Output 2', 1)
      .connect('Union', 'Sort')
      .connect('Sort', 'Write')
      .build();
  })(),
  expected: (year) =>
    year === 2008
      ? // 2008: the short row's second field runs on across the line break to the next comma ("b\r\n3"), its last field is "c,z".
        { 'all.csv': '1,a,\r\n1,a,x\r\n2,b\r\n3,\r\n2,b\r\n3,c,z\r\n' }
      : { 'all.csv': '1,a,\r\n1,a,x\r\n2,b,\r\n2,b,\r\n3,c,\r\n3,c,z\r\n' },
};

/** Two unsorted files, each sorted, then a left outer Merge Join. */
const sortMergeJoin: GoldenFlow = {
  name: 'sort-merge-join',
  inputs: { 'customers.csv': '3,cy\r\n1,ann\r\n2,bob\r\n', 'orders.csv': '2,20\r\n1,10\r\n2,25\r\n9,90\r\n' },
  connections: [
    flatFileConnection('Customers', 'customers.csv', [{ name: 'id', dataType: 'i4' }, { name: 'name' }]),
    flatFileConnection('Orders', 'orders.csv', [{ name: 'customer', dataType: 'i4' }, { name: 'amount', dataType: 'i4' }]),
    out('Joined', 'joined.csv', ['id', 'name', 'amount']),
  ],
  model: (() => {
    const t = 'Package\\Data Flow Task';
    const sortOf = (name: string, src: string, cols: { name: string; dataType: string; length?: number }[], key: string) => ({
      name,
      classId: 'Microsoft.Sort',
      inputs: [{ name: 'Sort Input', columns: cols.map((c) => ({ name: c.name, properties: { NewSortKeyPosition: c.name === key ? '1' : '0' } })) }],
      outputs: [{ name: 'Sort Output', isSorted: true, columns: cols.map((c) => ({ ...c, sortKeyPosition: c.name === key ? 1 : 0, properties: { SortColumnId: `#{${t}\\${src}.Outputs[Flat File Source Output].Columns[${c.name}]}` } })) }],
    });
    const cust = [{ name: 'id', dataType: 'i4' }, { name: 'name', dataType: 'str', length: 10 }];
    const ord = [{ name: 'customer', dataType: 'i4' }, { name: 'amount', dataType: 'i4' }];
    const j = `${t}\\Join.Inputs`;
    return new FlowBuilder()
      .add(src('Customers', 'Customers', cust))
      .add(src('Orders', 'Orders', ord))
      .add(sortOf('Sort customers', 'Customers', cust, 'id'))
      .add(sortOf('Sort orders', 'Orders', ord, 'customer'))
      .add({
        name: 'Join',
        classId: 'Microsoft.MergeJoin',
        properties: { JoinType: '1', NumKeyColumns: '1', TreatNullsAsEqual: 'true' },
        inputs: [
          { name: 'Merge Join Left Input', columns: [{ name: 'id' }, { name: 'name' }] },
          { name: 'Merge Join Right Input', columns: [{ name: 'customer' }, { name: 'amount' }] },
        ],
        outputs: [{ name: 'Merge Join Output', columns: [
          { name: 'id', dataType: 'i4', properties: { InputColumnID: `#{${j}[Merge Join Left Input].Columns[id]}` } },
          { name: 'name', dataType: 'str', length: 10, properties: { InputColumnID: `#{${j}[Merge Join Left Input].Columns[name]}` } },
          { name: 'amount', dataType: 'i4', properties: { InputColumnID: `#{${j}[Merge Join Right Input].Columns[amount]}` } },
        ] }],
      })
      .add(dst('Write', 'Joined', ['id', 'name', 'amount']))
      .connect('Customers', 'Sort customers')
      .connect('Orders', 'Sort orders')
      .connect('Sort customers', 'Join', 0, 0)
      .connect('Sort orders', 'Join', 0, 1)
      .connect('Join', 'Write')
      .build();
  })(),
  expected: () => ({ 'joined.csv': '1,ann,10\r\n2,bob,20\r\n2,bob,25\r\n3,cy,\r\n' }),
};

/** Every golden flow. */
export const GOLDEN_FLOWS: readonly GoldenFlow[] = [derivedSplit, sortAggregate, unionCount, sortMergeJoin];
