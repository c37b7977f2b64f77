/** @module The engine's own messages (phases, rows written, failed component methods) with their SSIS codes. */

/** One engine message: code, symbol and text. */
export interface PipelineEvent {
  readonly code: string;
  readonly symbol: string;
  message(...args: string[]): string;
}

/** The messages SSIS.Pipeline prints during a data flow. */
export const PIPELINE_EVENTS = {
  validationBegin: { code: '0x4004300A', symbol: 'DTS_I_VALIDATIONPHASEBEGIN', message: () => 'Validation phase is beginning.' },
  prepareBegin: { code: '0x40043006', symbol: 'DTS_I_PREPAREFOREXECUTEPHASEBEGIN', message: () => 'Prepare for Execute phase is beginning.' },
  preExecuteBegin: { code: '0x40043007', symbol: 'DTS_I_PREEXECUTEPHASEBEGIN', message: () => 'Pre-Execute phase is beginning.' },
  executeBegin: { code: '0x4004300C', symbol: 'DTS_I_EXECUTEPHASEBEGIN', message: () => 'Execute phase is beginning.' },
  postExecuteBegin: { code: '0x40043008', symbol: 'DTS_I_POSTEXECUTEPHASEBEGIN', message: () => 'Post Execute phase is beginning.' },
  cleanupBegin: { code: '0x40043009', symbol: 'DTS_I_CLEANUPPHASEBEGIN', message: () => 'Cleanup phase is beginning.' },
  wroteRows: { code: '0x4004300B', symbol: 'DTS_I_WROTEROWS', message: (name = '', rows = '0') => `"${name}" wrote ${rows} rows.` },
  primeOutputFailed: {
    code: '0xC0047038',
    symbol: 'DTS_E_PRIMEOUTPUTFAILED',
    message: (name = '', code = '') =>
      `SSIS Error Code DTS_E_PRIMEOUTPUTFAILED. The PrimeOutput method on ${name} returned error code ${code}. The component returned a failure code when the pipeline engine called PrimeOutput(). The meaning of the failure code is defined by the component, but the error is fatal and the pipeline stopped executing. There may be error messages posted before this with more information about the failure.`,
  },
  processInputFailed: {
    code: '0xC0047022',
    symbol: 'DTS_E_PROCESSINPUTFAILED',
    message: (name = '', code = '', input = '') =>
      `SSIS Error Code DTS_E_PROCESSINPUTFAILED. The ProcessInput method on component "${name}" failed with error code ${code} while processing input "${input}". The identified component returned an error from the ProcessInput method. The error is specific to the component, but the error is fatal and will cause the Data Flow task to stop running. There may be error messages posted before this with more information about the failure.`,
  },
  phaseFailed: {
    code: '0xC004701A',
    symbol: 'DTS_E_COMPONENTFAILED',
    message: (name = '', code = '', phase = '') => `SSIS Error Code DTS_E_COMPONENTFAILED. ${name} failed the ${phase} phase and returned error code ${code}.`,
  },
  validationFailed: { code: '0xC004700C', symbol: 'DTS_E_VALIDATIONFAILED', message: () => 'One or more component failed validation.' },
  taskValidationFailed: { code: '0xC0024107', symbol: 'DTS_E_TASKVALIDATIONERROR', message: () => 'There were errors during task validation.' },
} satisfies Record<string, PipelineEvent>;
