import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS } from '../store/testing/fixtures.ts';
import { parseXml } from '../xml/index.ts';
import { designerLayout, layeredLayout, type DiagramNode } from './diagram.ts';
import { packageDetails } from './package-details.ts';
import { hideSecrets } from './secrets.ts';
import { rowsPerPath } from './rows-per-path.ts';

const n = (id: string): DiagramNode => ({ id, label: id, kind: 'x', x: 0, y: 0, width: 0, height: 0 });

test('the automatic layout puts each node one layer below its predecessors, side by side within a layer, even with a cycle', () => {
  const nodes = ['a', 'b', 'c', 'd'].map(n);
  layeredLayout(nodes, [{ from: 'a', to: 'b', label: '' }, { from: 'a', to: 'c', label: '' }, { from: 'b', to: 'd', label: '' }, { from: 'c', to: 'd', label: '' }, { from: 'd', to: 'a', label: '' }]);
  const [a, b, c, d] = nodes;
  assert.ok(a!.y < b!.y && b!.y === c!.y && c!.y < d!.y);
  assert.notEqual(b!.x, c!.x);
});

test('the designer layout is read from DTS:DesignTimeProperties', () => {
  const doc = parseXml(
    '<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"><DTS:DesignTimeProperties><![CDATA[<Package><LayoutInfo><GraphLayout>' +
      '<NodeLayout Size="151,42" Id="Package\\Load &amp; go" TopLeft="5.5,107" /></GraphLayout></LayoutInfo></Package>]]></DTS:DesignTimeProperties></DTS:Executable>',
  );
  assert.deepEqual([...designerLayout(doc.root)], [['Package\\Load & go', { x: 5.5, y: 107, width: 151, height: 42 }]]);
});

test('passwords in connection strings and messages are hidden; other values stay', () => {
  assert.equal(hideSecrets('Data Source=s;User ID=sa;Password=p@ss;Initial Catalog=db'), 'Data Source=s;User ID=sa;Password=********;Initial Catalog=db');
  assert.equal(hideSecrets('Server=x; PWD = "a;b"; Provider=SQLNCLI11'), 'Server=x; PWD = ********; Provider=SQLNCLI11');
  assert.equal(hideSecrets('/tmp/in.csv'), '/tmp/in.csv');
  assert.equal(hideSecrets('Error: cannot connect with "Server=x;Pwd=hunter2 ;Database=d"'), 'Error: cannot connect with "Server=x;Pwd=******** ;Database=d"');
});

test('row counts per path are read from the OnPipelineRowsSent lines and add up', () => {
  const line = (rows: number) => `    Message: Rows were provided to a data flow component as input. :  : Package\\Load.Paths[Out] : Out : Count : ${rows}`;
  assert.deepEqual(rowsPerPath(['x', line(3), line(4)]), [{ path: 'Package\\Load.Paths[Out]', name: 'Out', to: 'Count', rows: 7 }]);
});

test('a 2008 package keeps its designer layout (ddscontrol shapes in HIMETRIC), for the control flow and the data flow', async () => {
  const file = path.join(CORPUS, 'v3', 'ceeae__SSIS_NDM_DTSX_PRD_TNS__Package1.dtsx');
  const d = await packageDetails('File System\\p', fs.readFileSync(file), 2014);
  assert.deepEqual(d.diagrams.map((g) => [g.kind, g.layout]), [['controlFlow', 'designer'], ['dataFlow', 'designer']]);
  const flow = d.diagrams[1]!.nodes;
  assert.ok(flow[0]!.y < flow[1]!.y, 'the source is drawn above the destination, as in the designer');
  assert.ok(flow.every((n) => n.width > 50 && n.width < 400), 'HIMETRIC sizes are converted to pixels');
});
