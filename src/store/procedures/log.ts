/** @module `sp_ssis_addlogentry`: one row of `sysssislog`, as the SQL Server log provider writes it. */
import type { StoreDb } from '../db/driver.ts';

/** The parameters of `sp_ssis_addlogentry`. */
export interface LogEntry {
  event: string;
  computer: string;
  operator: string;
  source: string;
  sourceid: string;
  executionid: string;
  starttime: Date;
  endtime: Date;
  datacode: number;
  databytes: Uint8Array | null;
  /** Truncated to 2048 characters, as the column holds. */
  message: string;
}

/** `sp_ssis_addlogentry`: inserts into `sysssislog`. */
export async function addLogEntry(db: StoreDb, e: LogEntry): Promise<void> {
  await db.run(
    'INSERT INTO sysssislog (event, computer, operator, source, sourceid, executionid, starttime, endtime, datacode, databytes, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [e.event, e.computer, e.operator, e.source, e.sourceid, e.executionid, e.starttime, e.endtime, e.datacode, e.databytes, e.message.slice(0, 2048)],
  );
}
