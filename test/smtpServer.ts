/**
 * A real SMTP server in the test process (smtp-server), with STARTTLS on a certificate made for
 * the test by openssl and AUTH PLAIN/LOGIN, and mailparser to read what arrived. Tests can make it
 * answer the next messages with a chosen SMTP reply (451 temporary, 550 permanent).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Certificates {
  /** The test's own certificate authority; a client that is not given it does not trust the server. */
  ca: string;
  key: string;
  cert: string;
  /** Signed by the same authority for the same names, valid until yesterday. */
  expiredCert: string;
}

/** A CA and a leaf for localhost / 127.0.0.1 signed by it, plus an expired leaf; EC keys so it is quick. */
export function makeCertificates(): Certificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-certs-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Backoffice test CA');
    run('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost');
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    const sign = (out: string, days: string) =>
      run('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', out, '-days', days, '-extfile', 'ext.cnf');
    sign('leaf.pem', '2');
    // -1 day: notAfter lies before now, so every client sees an expired certificate.
    sign('expired.pem', '-1');
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    return { ca: read('ca.pem'), key: read('leaf.key'), cert: read('leaf.pem'), expiredCert: read('expired.pem') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReceivedMail {
  /** MAIL FROM and RCPT TO as the server saw them: BCC recipients appear only here. */
  envelope: { from: string; to: string[] };
  /** Which authenticated user sent it. */
  user: string | undefined;
  /** Whether the session was encrypted when the message was sent. */
  secure: boolean;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpServerOptions {
  certificates: Certificates;
  /** Serve the expired certificate instead of the valid one. */
  expired?: boolean;
  /** Implicit TLS (port 465 style) instead of STARTTLS. */
  implicitTls?: boolean;
  users?: Record<string, string>;
  port?: number;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** The next messages get these replies to DATA instead of 250, in order. */
  answerNext(...replies: { code: number; message: string }[]): void;
  /** Resolves once `count` messages have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpServer(options: SmtpServerOptions): Promise<TestSmtpServer> {
  const users = options.users ?? { winkel: 'geheim-wachtwoord' };
  const received: ReceivedMail[] = [];
  const replies: { code: number; message: string }[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    secure: options.implicitTls ?? false,
    key: options.certificates.key,
    cert: options.expired ? options.certificates.expiredCert : options.certificates.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // AUTH only after STARTTLS, as real submission servers do.
    allowInsecureAuth: false,
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username && users[auth.username] === auth.password) return callback(null, { user: auth.username });
      const error = Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const reply = replies.shift();
        if (reply) return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
        const raw = Buffer.concat(chunks);
        // skipImageLinks: keep `cid:` references as sent instead of inlining them as data URLs.
        void simpleParser(raw, { skipImageLinks: true }).then((parsed) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            },
            user: typeof session.user === 'string' ? session.user : undefined,
            secure: session.secure,
            raw,
            parsed,
          });
          waiters.splice(0).forEach((wake) => wake());
          callback(null, `2.0.0 Ok: queued as TEST${received.length}`);
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the test SMTP server has no port');

  return {
    port: address.port,
    received,
    answerNext: (...next) => void replies.push(...next),
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} mails at the test SMTP server, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
