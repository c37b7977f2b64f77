/** @module Helpers for the Agent's tests: a fresh store on SQLite (temporary file) or PostgreSQL (a schema of its own, dropped after), and a local SMTP server. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { AgentStore } from './agent-store.ts';
import { openAgentDb } from './sql-db.ts';

/** The databases every contract test runs against. */
export const DIALECTS = ['sqlite', 'postgres'] as const;

/** The PostgreSQL server of the test machine. */
export const PG_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, migrated store; `url` opens more connections to the same database; `cleanup` drops it. */
export async function freshStore(dialect: (typeof DIALECTS)[number]): Promise<{ store: AgentStore; url: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  const schema = `agent_test_${randomBytes(6).toString('hex')}`;
  const url = dialect === 'sqlite' ? `sqlite:${path.join(dir, 'msdb.db')}` : `${PG_SERVER}?schema=${schema}`;
  const store = new AgentStore(await openAgentDb(url));
  await store.migrate();
  return {
    store,
    url,
    dir,
    cleanup: async () => {
      await store.close().catch(() => undefined);
      if (dialect === 'postgres') {
        const client = new pg.Client({ connectionString: PG_SERVER });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A message the test SMTP server received. */
export interface ReceivedMail {
  from: string;
  to: string[];
  body: string;
}

/** Starts an SMTP server on a free loopback port that keeps what it receives. */
export async function startSmtp(): Promise<{ server: SMTPServer; port: number; mail: ReceivedMail[] }> {
  const mail: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mail };
}
