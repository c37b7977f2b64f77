/** @module dtexec's help screen (`/?`, `/H [option]`), built from the option table. */
import type { ProductVersion } from '../../versions/index.ts';
import { OPTIONS, findOption, helpName } from './options.ts';

/** The usage lines, or one option's help. */
export function helpText(version: ProductVersion, option: true | string): string[] {
  const available = OPTIONS.filter((o) => o.needs === undefined || version.features[o.needs]);
  const shown = option === true ? available : [findOption(option.replace(/^[/-]/, ''), version.features)].filter((o) => o !== undefined);
  if (shown.length === 0) return [`Option "${option}" is not valid.`];
  return [
    'Usage: DTExec /option [value] [/option [value]] ...',
    'Options are case-insensitive.',
    'A hyphen (-) may be used in place of a forward slash (/).',
    ...shown.map((o) => `${helpName(o).padEnd(20)}${o.argHelp}`),
  ];
}
