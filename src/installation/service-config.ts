/** @module The default `MsDtsSrvr.ini.xml` of the Integration Services service, as SSIS setup writes it into `DTS\Binn`. */

/**
 * The default service configuration: the local instance's msdb as "MSDB" and `..\Packages` as
 * "File System". Text as documented (reference §4.2). SSIS setup ships it from Windows, so the
 * lines end in CRLF; that the shipped file has no byte-order mark is unverified.
 */
export function defaultServiceConfig(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<DtsServiceConfiguration xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <StopExecutingPackagesOnShutdown>true</StopExecutingPackagesOnShutdown>',
    '  <TopLevelFolders>',
    '    <Folder xsi:type="SqlServerFolder">',
    '      <Name>MSDB</Name>',
    '      <ServerName>.</ServerName>',
    '    </Folder>',
    '    <Folder xsi:type="FileSystemFolder">',
    '      <Name>File System</Name>',
    '      <StorePath>..\\Packages</StorePath>',
    '    </Folder>',
    '  </TopLevelFolders>',
    '</DtsServiceConfiguration>',
    '',
  ].join('\r\n');
}
