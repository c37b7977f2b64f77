/** @module Package parameters (2012+). */
import type { XmlElement } from '../xml/index.ts';

/** A package parameter (`$Package::Name`). */
export interface Parameter {
  refId: string;
  dtsId: string;
  name: string;
  description: string;
  /** VARIANT type code, as for variables. */
  dataType: number;
  /** The design default value as written; undefined when sensitive and encrypted or absent. */
  value: string | undefined;
  required: boolean;
  sensitive: boolean;
  readonly element: XmlElement;
}
