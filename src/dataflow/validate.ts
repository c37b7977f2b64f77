/** @module Validation before execution: unsupported components, broken lineage, type mismatches, component checks. */
import { SsisError } from '../errors.ts';
import { sameType } from './column-types.ts';
import type { ValidationContext } from './component.ts';
import type { DataFlowContext } from './context.ts';
import type { ComponentModel } from './model.ts';
import { inputLayout, type ExecutionPlan, type PlanComponent } from './plan.ts';
import type { ComponentRegistry } from './registry.ts';

/** Class IDs that name the Script Component in any version. */
const SCRIPT_COMPONENT = /ScriptComponent|^Microsoft\.ScriptComponentHost$|874F7595-FB5F-40FF-96AF-FBFF8250E3EF/i;

/** Makes an error naming a component, as SSIS prints validation errors: `Component: message`. */
export function componentError(component: ComponentModel, code: string, symbol: string, message: string): SsisError {
  return new SsisError(code, symbol, `${component.name}: ${message}`);
}

/** The validation context of one component of a plan. */
export function validationContext(pc: PlanComponent, context: DataFlowContext | undefined): ValidationContext {
  return {
    context,
    inputLayout: (i) => (pc.inputs[i] ? inputLayout(pc.inputs[i]) : undefined),
    outputLayout: (o) => pc.outputs[o]?.tree?.layout,
    error: (code, symbol, message) => componentError(pc.model, code, symbol, message),
  };
}

/** True when the component is a Script Component. */
export function isScriptComponent(component: ComponentModel): boolean {
  return SCRIPT_COMPONENT.test(component.classId) || SCRIPT_COMPONENT.test(component.rawClassId);
}

/** Every problem that stops the plan from running; empty when it may run. */
export function validatePlan(plan: ExecutionPlan, registry: ComponentRegistry, context?: DataFlowContext): SsisError[] {
  const errors: SsisError[] = [...plan.issues];
  for (const pc of plan.components) {
    const m = pc.model;
    const factory = registry.find(m.classId) ?? registry.find(m.rawClassId);
    if (!factory) {
      errors.push(unsupported(m, context));
      continue;
    }
    errors.push(...checkLineage(pc));
    if (factory.validate) {
      try {
        errors.push(...factory.validate(m, validationContext(pc, context)));
      } catch (e) {
        errors.push(e instanceof SsisError ? componentError(m, e.code, e.symbol, e.message) : componentError(m, '0xC0047017', 'DTS_E_VALIDATIONFAILED', `validation failed: ${String(e)}`));
      }
    }
  }
  return errors;
}

function unsupported(m: ComponentModel, context: DataFlowContext | undefined): SsisError {
  if (isScriptComponent(m)) {
    return componentError(
      m,
      '0xC0047062',
      'DTS_E_SCRIPTCOMPONENTNOTSUPPORTED',
      `the Script Component "${m.name}" runs .NET code, which OpenDTS cannot run. Supply a JavaScript implementation for it (see docs/dataflow.md, "Script Component")${context?.scriptComponent ? '; none was found for this component' : ''}.`,
    );
  }
  return componentError(
    m,
    '0xC0048021',
    'DTS_E_COMPONENTNOTSUPPORTED',
    `the component "${m.name}" (class ID "${m.rawClassId}") is not supported by OpenDTS; it is missing, third-party, or not built yet.`,
  );
}

/** Input columns must name lineages that reach the input, with the type the upstream column has. */
function checkLineage(pc: PlanComponent): SsisError[] {
  const errors: SsisError[] = [];
  for (const input of pc.inputs) {
    const layout = inputLayout(input);
    if (!layout) continue;
    for (const col of input.model.columns) {
      const slot = layout.slotOf(col.lineageId);
      if (slot === undefined) {
        errors.push(
          componentError(pc.model, '0xC004706B', 'DTS_E_BUFFERCOLUMNNOTFOUND', `the input column "${col.name}" on input "${input.model.name}" refers to lineage "${col.lineageId}", which is not available on the upstream output "${input.upstream?.model.name}". The lineage is broken; remap the column.`),
        );
        continue;
      }
      const upstream = layout.columns[slot]!;
      if (col.dataType && !sameType(col, upstream.model)) {
        errors.push(
          componentError(pc.model, '0xC02020F6', 'DTS_E_COLUMNDATATYPEMISMATCH', `the input column "${col.name}" is declared as ${col.dataType} but the upstream column "${upstream.name}" is ${upstream.model.dataType}. Refresh the component's metadata.`),
        );
      }
    }
  }
  return errors;
}
