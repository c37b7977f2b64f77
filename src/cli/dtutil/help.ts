/** @module dtutil's help: `/?` lists every option, `/H option` explains one. */
import type { CliIo } from '../io.ts';
import { DTUTIL_OPTIONS, matchOption } from './options.ts';

function spelled(o: (typeof DTUTIL_OPTIONS)[number]): string {
  return o.name === o.min ? `/${o.name}` : `/${o.min}[${o.name.slice(o.min.length)}]`;
}

/** Prints help; returns false when `/H` names no option. */
export function printHelp(io: CliIo, topic: true | string): boolean {
  if (topic !== true) {
    const o = matchOption(topic.replace(/^[/-]/, ''));
    if (!o) {
      io.err(`Option "${topic}" is not valid.`);
      return false;
    }
    io.out(`${spelled(o)} ${o.summary}`);
    return true;
  }
  io.out('Usage: DTUtil /option [value] [/option [value]] ...');
  io.out('  Options are case-insensitive and may be abbreviated to the letters outside the brackets.');
  io.out('  A hyphen (-) may be used in place of a forward slash (/); multi-part values are separated by ;.');
  io.out('');
  for (const o of DTUTIL_OPTIONS) io.out(`  ${spelled(o).padEnd(20)} ${o.summary}`);
  io.out('');
  io.out('  OpenDTS: --product-version 2008|2012|2014 picks the version dtutil acts as (a launcher in <root>/<folder>/DTS/Binn pins it).');
  return true;
}
