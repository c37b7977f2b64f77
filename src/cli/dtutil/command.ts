/** @module A parsed dtutil command line: the source, the action and the options that go with them. */

/** The three package stores. */
export type StoreKind = 'FILE' | 'SQL' | 'DTS';

/** The action a command performs. */
export type DtutilAction =
  | { readonly kind: 'COPY' | 'MOVE'; readonly dest: StoreKind; readonly path: string }
  | { readonly kind: 'DELETE' | 'EXISTS' }
  | { readonly kind: 'ENCRYPT'; readonly dest: 'SQL' | 'FILE'; readonly path: string; readonly level: number; readonly password?: string }
  | { readonly kind: 'SIGN'; readonly dest: StoreKind; readonly path: string; readonly hash: string }
  | { readonly kind: 'IDREGENERATE' }
  | { readonly kind: 'DUMP'; readonly pid: string }
  | { readonly kind: 'FCREATE'; readonly store: 'SQL' | 'DTS'; readonly parent: string; readonly name: string }
  | { readonly kind: 'FDELETE'; readonly store: 'SQL' | 'DTS'; readonly parent: string; readonly name: string }
  | { readonly kind: 'FDIRECTORY'; readonly store: 'SQL' | 'DTS'; readonly path: string; readonly recursive: boolean }
  | { readonly kind: 'FEXISTS'; readonly store: 'SQL' | 'DTS'; readonly path: string }
  | { readonly kind: 'FRENAME'; readonly store: 'SQL' | 'DTS'; readonly parent: string; readonly oldName: string; readonly newName: string };

/** A whole dtutil command. */
export interface DtutilCommand {
  readonly source?: { readonly kind: StoreKind; readonly path: string };
  readonly sourceServer?: string;
  readonly sourceUser?: string;
  readonly sourcePassword?: string;
  readonly destServer?: string;
  readonly destUser?: string;
  readonly destPassword?: string;
  readonly action?: DtutilAction;
  readonly decrypt?: string;
  readonly idRegenerate: boolean;
  readonly quiet: boolean;
  readonly remarks: readonly string[];
  /** `/?` (true) or `/H [option]`. */
  readonly help?: true | string;
}
