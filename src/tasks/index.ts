/** @module The tasks OpenDTS runs, registered by canonical kind; importing this module registers them. */
import { registerTask } from '../runtime/task-api.ts';
import { bulkInsertTask } from './bulk-insert.ts';
import { dataFlowTask } from './data-flow.ts';
import { executePackageTask } from './execute-package.ts';
import { executeProcessTask } from './execute-process.ts';
import { executeSqlTask } from './execute-sql.ts';
import { expressionTask } from './expression.ts';
import { fileSystemTask } from './file-system.ts';
import { ftpTask } from './ftp.ts';
import { scriptTask } from './script.ts';
import { sendMailTask } from './send-mail.ts';

registerTask('ExecuteSQL', executeSqlTask);
registerTask('FileSystem', fileSystemTask);
registerTask('ExecuteProcess', executeProcessTask);
registerTask('ExecutePackage', executePackageTask);
registerTask('Expression', expressionTask);
registerTask('SendMail', sendMailTask);
registerTask('Script', scriptTask);
registerTask('Pipeline', dataFlowTask);
registerTask('BulkInsert', bulkInsertTask);
registerTask('FTP', ftpTask);

export { ScriptResults, type DtsObject } from './script.ts';
export { type DataFlowRunner } from './data-flow.ts';
