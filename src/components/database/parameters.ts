/** @module The OLE DB Source's ParameterMapping (`"Parameter0:Input",{GUID};`) and the variables it binds. */

/** One parameter binding. */
export interface ParameterBinding {
  readonly name: string;
  readonly direction: string;
  /** The variable's ID (`{GUID}`) or name (`User::X`), as written. */
  readonly variable: string;
}

/** Parses ParameterMapping text; empty text gives no bindings. */
export function parseParameterMapping(text: string | undefined): ParameterBinding[] {
  const out: ParameterBinding[] = [];
  for (const part of (text ?? '').split(';')) {
    const m = /^\s*"([^":]*):?([^"]*)"\s*,\s*(.+?)\s*$/.exec(part);
    if (m) out.push({ name: m[1]!, direction: m[2] || 'Input', variable: m[3]! });
  }
  return out;
}
